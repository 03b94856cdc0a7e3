using System.Text.Json;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store.Snapshots;
using Reconciler.Store.Watch;
using Reconciler.Store.Writes;

namespace Reconciler.Store;

/// <summary>
/// What every store shares: planning and stamping writes, sequencing them through a write-ahead log,
/// applying them once durable, the in-memory index, watches and snapshots. An implementation supplies
/// where objects live (<see cref="IObjectState"/>) and how writes become durable (<see cref="IWriteAheadLog"/>).
/// </summary>
/// <remarks>
/// Reads see only durable, applied writes. A restore is committed as one new revision: watchers receive
/// it as ordinary events (Added/Modified for every restored object, Deleted for every object it drops),
/// so revisions never go backwards.
/// </remarks>
public abstract class RevisionedResourceStore : IResourceStore, ICurrentObjects
{
    private readonly ReaderWriterLockSlim _stateLock = new(LockRecursionPolicy.NoRecursion);
    private readonly ResourceIndex _index = new();
    private readonly ResourceJson _json;
    private readonly TimeProvider _time;
    private readonly TransactionPlanner _planner;
    private WatchHub _watches = null!;
    private WriteSequencer _sequencer = null!;
    private IObjectState _state = null!;
    private IWriteAheadLog _log = null!;
    private long _revision;
    private int _disposed;

    private protected RevisionedResourceStore(ResourceJson json, TimeProvider time)
    {
        _json = json;
        _time = time;
        _planner = new TransactionPlanner(json.Kinds, new ResourceStamper(json, time));
    }

    /// <inheritdoc />
    public long Revision => Volatile.Read(ref _revision);

    /// <summary>The JSON serializer this store reads and writes objects with.</summary>
    private protected ResourceJson Json => _json;

    /// <summary>Starts serving: <paramref name="existing"/> are the keys and stamps of the objects recovered, at <paramref name="revision"/>.</summary>
    private protected void Open(IObjectState state, IWriteAheadLog log, long revision, IEnumerable<(ResourceKey Key, ObjectStamp Stamp)> existing, ResourceStoreOptions options, IWatchHistory? history)
    {
        _state = state;
        _log = log;
        _revision = revision;
        foreach (var (key, stamp) in existing) _index.Set(key, stamp);
        _watches = new WatchHub(options.WatchWindowRevisions, options.WatcherBufferEvents, history);
        _watches.Reset(revision);
        _sequencer = new WriteSequencer(this, log, Apply, revision);
    }

    /// <inheritdoc />
    public ValueTask<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default)
    {
        var json = ReadLocked(() => _state.Read(_planner.Normalize(key)));
        return ValueTask.FromResult(json is null ? null : _json.Deserialize(json));
    }

    /// <inheritdoc />
    public ValueTask<ListResult> ListAsync(ListQuery query, CancellationToken cancellationToken = default)
    {
        var ns = query.Namespace is null ? null : _planner.Normalize(new ResourceKey(query.Kind, query.Namespace, "")).Namespace;
        var (revision, documents) = ReadLocked(() =>
            (_revision, _index.Keys(query.Kind, ns).Select(key => _state.Read(key)!).ToList()));
        var selector = query.Selector ?? LabelSelector.Everything;
        var items = documents.Select(d => _json.Deserialize(d)).Where(r => selector.Matches(r.Metadata.Labels)).ToList();
        return ValueTask.FromResult(new ListResult(items, revision));
    }

    /// <inheritdoc />
    public async ValueTask<Resource> PutAsync(Resource resource, long? expectedRevision = null, CancellationToken cancellationToken = default) =>
        (await CommitAsync(new StoreTransaction().Put(resource, expectedRevision), cancellationToken)).Written[0];

    /// <inheritdoc />
    public async ValueTask<Resource?> DeleteAsync(ResourceKey key, long? expectedRevision = null, CancellationToken cancellationToken = default) =>
        (await CommitAsync(new StoreTransaction().Delete(key, expectedRevision), cancellationToken)).Written.FirstOrDefault();

    /// <inheritdoc />
    public async ValueTask<TransactionResult> CommitAsync(StoreTransaction transaction, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var operations = transaction.Operations.ToArray();
        var plan = await _sequencer.SubmitAsync((current, revision) => _planner.Plan(operations, current, revision), cancellationToken);
        return plan.Changes.Count == 0
            ? new TransactionResult(Revision, [])
            : new TransactionResult(plan.Revision, plan.Changes.Select(c => c.Object).ToList());
    }

    /// <inheritdoc />
    public IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, long afterRevision, CancellationToken cancellationToken = default)
    {
        var ns = query is { Kind: not null, Namespace: not null } ? _planner.Normalize(new ResourceKey(query.Kind, query.Namespace, "")).Namespace : query.Namespace;
        return _watches.WatchAsync(query with { Namespace = ns }, afterRevision, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<SnapshotInfo> SaveSnapshotAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        var (revision, documents) = ReadLocked(() =>
            (_revision, _index.AllKeys.Order(KeyOrder.Instance).Select(key => _state.Read(key)!).ToList()));
        return await SnapshotFile.WriteAsync(destination, revision, _time.GetUtcNow(), documents, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<SnapshotInfo> RestoreSnapshotAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var (info, documents) = await SnapshotFile.ReadAsync(source, keepObjects: true, cancellationToken);
        var saved = documents.Select(Decode).ToList();
        await _sequencer.SubmitAsync((current, revision) => _planner.PlanRestore(saved, current, revision), cancellationToken);
        return info;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _watches?.Close();
        await DisposeCoreAsync();
        if (_log is not null) await _log.DisposeAsync();
        _state?.Dispose();
        _stateLock.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what an implementation holds beyond its log and state; runs before those are closed.</summary>
    private protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;

    /// <summary>Called after each batch of durable writes is applied, in order, up to <paramref name="revision"/>.</summary>
    private protected virtual void OnApplied(long revision) { }

    /// <summary>Runs <paramref name="action"/> while no write is being applied, so it sees one revision's state.</summary>
    private protected T WhileNoWriteIsApplied<T>(Func<T> action)
    {
        _stateLock.EnterWriteLock();
        try
        {
            return action();
        }
        finally
        {
            _stateLock.ExitWriteLock();
        }
    }

    ObjectStamp? ICurrentObjects.GetStamp(ResourceKey key)
    {
        // Called for every write while it is planned: no closure, just the read lock.
        _stateLock.EnterReadLock();
        try
        {
            return _index.Get(key);
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
    }

    Resource? ICurrentObjects.GetObject(ResourceKey key) => ReadLocked(() => _state.Read(key)) is { } json ? _json.Deserialize(json) : null;

    IReadOnlyCollection<ResourceKey> ICurrentObjects.AllKeys() => ReadLocked(() => _index.AllKeys.ToList());

    private void Apply(IReadOnlyList<WritePlan> plans)
    {
        _stateLock.EnterWriteLock();
        try
        {
            foreach (var plan in plans)
            {
                _state.Apply(plan);
                foreach (var change in plan.Changes) _index.Apply(change);
                Volatile.Write(ref _revision, plan.Revision);
            }
        }
        finally
        {
            _stateLock.ExitWriteLock();
        }
        foreach (var plan in plans) _watches.Publish(plan.Revision, plan.ToEvents());
        OnApplied(plans[^1].Revision);
    }

    private Resource Decode(byte[] json)
    {
        try
        {
            return _json.Deserialize(json);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or NotSupportedException)
        {
            throw new SnapshotFormatException($"The snapshot holds an object this build cannot read ({e.Message}); nothing was restored.");
        }
    }

    private T ReadLocked<T>(Func<T> read)
    {
        _stateLock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _stateLock.ExitReadLock();
        }
    }

    private sealed class KeyOrder : IComparer<ResourceKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(ResourceKey x, ResourceKey y) => string.CompareOrdinal(x.ToString(), y.ToString());
    }
}
