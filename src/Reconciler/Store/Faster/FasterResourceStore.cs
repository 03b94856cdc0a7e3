using Reconciler.Resources.Json;

namespace Reconciler.Store.Faster;

/// <summary>
/// The durable store on FASTER. FasterLog is the write-ahead change log: a write is acknowledged only
/// once its log record is committed to disk, and concurrent writers share commits. FasterKV holds the
/// current objects; it is checkpointed every <see cref="FasterResourceStoreOptions.CheckpointEveryRevisions"/>
/// revisions and the log is truncated behind the checkpoint. Opening recovers the latest checkpoint and
/// replays the log after it; the in-memory index is rebuilt from the objects.
/// </summary>
/// <remarks>
/// Watches are served from an in-memory window of recent revisions, then from the log back to the last
/// checkpoint; older revisions are compacted.
/// </remarks>
public sealed class FasterResourceStore : RevisionedResourceStore
{
    private readonly FasterResourceStoreOptions _options;
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private FasterObjectState _objects = null!;
    private FasterChangeLog _changes = null!;
    private long _checkpointRevision;
    private (long Revision, long ReplayFrom) _previousCheckpoint;
    private Task _background = Task.CompletedTask;
    private bool _checkpointOnDispose = true;

    private FasterResourceStore(ResourceJson json, TimeProvider time, FasterResourceStoreOptions options) : base(json, time) => _options = options;

    /// <summary>The revision the latest checkpoint covers.</summary>
    public long CheckpointRevision => Volatile.Read(ref _checkpointRevision);

    /// <summary>Opens (or creates) the store in <see cref="FasterResourceStoreOptions.DataDirectory"/>, recovering what it holds.</summary>
    public static async Task<FasterResourceStore> OpenAsync(FasterResourceStoreOptions options, ResourceJson json, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var store = new FasterResourceStore(json, time ?? TimeProvider.System, options);
        try
        {
            await store.RecoverAsync(cancellationToken);
        }
        catch
        {
            // Nothing was opened for writing: close the files without checkpointing a half-replayed state.
            store._objects?.Dispose();
            if (store._changes is not null) await store._changes.DisposeAsync();
            throw;
        }
        return store;
    }

    /// <summary>Checkpoints the objects now and truncates the log behind the checkpoint.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await _checkpointGate.WaitAsync(cancellationToken);
        try
        {
            // The marker and the replay start are taken while nothing is applied, so they agree.
            var (revision, replayFrom) = WhileNoWriteIsApplied(() =>
            {
                var r = Revision;
                var from = _changes.ReplayStartAfter(r);
                _objects.MarkCheckpoint(r, from);
                return (r, from);
            });
            await _objects.CheckpointAsync(cancellationToken);
            // Truncate only behind the previous checkpoint: if the latest proves unusable on open, the
            // previous one plus the log after it still hold everything.
            _changes.TruncateUntil(_previousCheckpoint.ReplayFrom, _previousCheckpoint.Revision);
            _previousCheckpoint = (revision, replayFrom);
            Volatile.Write(ref _checkpointRevision, revision);
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    /// <summary>The revisions the change log holds, in log order (for tests that check for gaps).</summary>
    internal async IAsyncEnumerable<long> ReadLoggedRevisionsAsync()
    {
        await foreach (var (revision, _) in _changes.ReadRevisionsAsync(0)) yield return revision;
    }

    /// <summary>Lets a test close the store as a crash would leave it, without the final checkpoint.</summary>
    internal void SkipCheckpointOnDispose() => _checkpointOnDispose = false;

    private protected override void OnApplied(long revision)
    {
        if (revision - CheckpointRevision < _options.CheckpointEveryRevisions || !_background.IsCompleted) return;
        _background = Task.Run(() => CheckpointAsync());
    }

    private protected override async ValueTask DisposeCoreAsync()
    {
        await _background.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_checkpointOnDispose) await CheckpointAsync();
        _checkpointGate.Dispose();
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        _objects = FasterObjectState.Open(_options.DataDirectory, _options.ObjectMemoryBytes, out var checkpointRevision, out var replayFrom);
        _changes = new FasterChangeLog(_options.DataDirectory, Json, _options.LogPageSizeBits, (1 << _options.LogPageSizeBits) - 1024);
        var revision = checkpointRevision;
        await foreach (var (next, changes) in _changes.ReadRevisionsAsync(replayFrom, cancellationToken))
        {
            if (next <= checkpointRevision) continue;
            if (next != revision + 1)
                throw new InvalidDataException($"The change log in {_options.DataDirectory} jumps from revision {revision} to {next}; the data directory is damaged. Restore it from a snapshot.");
            foreach (var change in changes) _objects.Apply(change.Type, change.Key, change.Json);
            revision = next;
        }
        _checkpointRevision = checkpointRevision;
        _previousCheckpoint = (checkpointRevision, replayFrom);
        _changes.SetOldestAvailable(checkpointRevision);
        Open(_objects, _changes, revision, _objects.ScanCurrent(), _options, history: _changes);
    }
}
