using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Tests.Deployments;

/// <summary>
/// A store that lets a test slip one write in between two reads of the code under test: <see cref="BeforeGet"/> runs
/// once, before the first read of a key it answers true for. It makes a race of two controllers deterministic.
/// </summary>
internal sealed class InterleavingStore(IResourceStore inner) : IResourceStore
{
    private Func<ResourceKey, bool>? _when;
    private Func<Task>? _write;

    /// <summary>Runs <paramref name="write"/> once, before the first read of a key <paramref name="when"/> is true for.</summary>
    public void BeforeGet(Func<ResourceKey, bool> when, Func<Task> write) => (_when, _write) = (when, write);

    public long Revision => inner.Revision;

    public async ValueTask<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default)
    {
        if (_when is { } when && when(key) && _write is { } write)
        {
            _when = null;
            await write();
        }
        return await inner.GetAsync(key, cancellationToken);
    }

    public ValueTask<ListResult> ListAsync(ListQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

    public ValueTask<Resource> PutAsync(Resource resource, long? expectedRevision = null, CancellationToken cancellationToken = default) =>
        inner.PutAsync(resource, expectedRevision, cancellationToken);

    public ValueTask<Resource?> DeleteAsync(ResourceKey key, long? expectedRevision = null, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(key, expectedRevision, cancellationToken);

    public ValueTask<TransactionResult> CommitAsync(StoreTransaction transaction, CancellationToken cancellationToken = default) =>
        inner.CommitAsync(transaction, cancellationToken);

    public IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, long afterRevision, CancellationToken cancellationToken = default) =>
        inner.WatchAsync(query, afterRevision, cancellationToken);

    public ValueTask<SnapshotInfo> SaveSnapshotAsync(Stream destination, CancellationToken cancellationToken = default) => inner.SaveSnapshotAsync(destination, cancellationToken);

    public ValueTask<SnapshotInfo> RestoreSnapshotAsync(Stream source, CancellationToken cancellationToken = default) => inner.RestoreSnapshotAsync(source, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
