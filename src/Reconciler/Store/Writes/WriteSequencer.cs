using Reconciler.Resources.Model;

namespace Reconciler.Store.Writes;

/// <summary>
/// Orders writes. Under one lock a write is planned against the current objects (including writes
/// sequenced but not yet durable), given the next revision and appended to the write-ahead log, so log
/// order is revision order with no gaps. When the log reports a position durable, the writes up to it
/// are applied in order and only then acknowledged.
/// </summary>
internal sealed class WriteSequencer : ICurrentObjects
{
    private readonly Lock _gate = new();
    private readonly Lock _applyGate = new();
    private readonly Dictionary<ResourceKey, PlannedChange> _pending = [];
    private readonly Queue<PendingWrite> _inflight = new();
    private readonly ICurrentObjects _applied;
    private readonly IWriteAheadLog _log;
    private readonly Action<IReadOnlyList<WritePlan>> _apply;
    private long _lastRevision;
    private Exception? _fault;

    /// <summary>Creates a sequencer continuing after <paramref name="lastRevision"/>.</summary>
    public WriteSequencer(ICurrentObjects applied, IWriteAheadLog log, Action<IReadOnlyList<WritePlan>> apply, long lastRevision)
    {
        _applied = applied;
        _log = log;
        _apply = apply;
        _lastRevision = lastRevision;
        log.Start(OnDurable, OnFailed);
    }

    /// <summary>
    /// Decides a plan with <paramref name="decide"/> (given the current objects and the next revision),
    /// sequences it and completes once it is durable and applied. An empty plan takes no revision.
    /// </summary>
    /// <remarks>Cancellation is honoured until the write is sequenced; after that it will happen regardless.</remarks>
    public Task<WritePlan> SubmitAsync(Func<ICurrentObjects, long, WritePlan> decide, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        PendingWrite write;
        lock (_gate)
        {
            if (_fault is not null)
                throw new InvalidOperationException("The store stopped accepting writes after its log failed; reopen it to recover.", _fault);
            var plan = decide(this, _lastRevision + 1);
            if (plan.Changes.Count == 0) return Task.FromResult(plan);
            write = new PendingWrite(plan, _log.Append(plan));
            _lastRevision = plan.Revision;
            foreach (var change in plan.Changes) _pending[change.Key] = change;
            _inflight.Enqueue(write);
        }
        _log.RequestCommit();
        return write.Completion.Task;
    }

    /// <inheritdoc />
    public ObjectStamp? GetStamp(ResourceKey key) =>
        _pending.TryGetValue(key, out var change) ? change.Stamp : _applied.GetStamp(key);

    /// <inheritdoc />
    public Resource? GetObject(ResourceKey key) =>
        _pending.TryGetValue(key, out var change) ? (change.IsDelete ? null : change.Object) : _applied.GetObject(key);

    /// <inheritdoc />
    public IReadOnlyCollection<ResourceKey> AllKeys()
    {
        var keys = new HashSet<ResourceKey>(_applied.AllKeys());
        foreach (var (key, change) in _pending)
        {
            if (change.IsDelete) keys.Remove(key);
            else keys.Add(key);
        }
        return keys;
    }

    private void OnDurable(long durableUntil)
    {
        lock (_applyGate)
        {
            var batch = new List<PendingWrite>();
            lock (_gate)
                while (_inflight.TryPeek(out var next) && next.Position < durableUntil) batch.Add(_inflight.Dequeue());
            if (batch.Count == 0) return;

            _apply(batch.ConvertAll(w => w.Plan));
            lock (_gate)
                foreach (var change in batch.SelectMany(w => w.Plan.Changes))
                    if (_pending.TryGetValue(change.Key, out var latest) && ReferenceEquals(latest, change)) _pending.Remove(change.Key);
            foreach (var write in batch) write.Completion.TrySetResult(write.Plan);
        }
    }

    private void OnFailed(Exception error)
    {
        lock (_gate)
        {
            _fault ??= error;
            while (_inflight.TryDequeue(out var write))
                write.Completion.TrySetException(new IOException($"Revision {write.Plan.Revision} could not be made durable; it was not applied. Reopen the store.", error));
        }
    }

    private sealed class PendingWrite(WritePlan plan, long position)
    {
        public WritePlan Plan { get; } = plan;
        public long Position { get; } = position;
        public TaskCompletionSource<WritePlan> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
