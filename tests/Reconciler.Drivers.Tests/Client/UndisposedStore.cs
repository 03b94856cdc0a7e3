using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Drivers.Tests.Client;

/// <summary>Another bed's store, shared by a second runtime (a second client, or a restarted one) that must not dispose it.</summary>
internal sealed class UndisposedStore(IResourceStore inner) : IResourceStore
{
    public long Revision => inner.Revision;
    public ValueTask<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);
    public ValueTask<ListResult> ListAsync(ListQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);
    public ValueTask<Resource> PutAsync(Resource resource, long? expectedRevision = null, CancellationToken cancellationToken = default) => inner.PutAsync(resource, expectedRevision, cancellationToken);
    public ValueTask<Resource?> DeleteAsync(ResourceKey key, long? expectedRevision = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, expectedRevision, cancellationToken);
    public ValueTask<TransactionResult> CommitAsync(StoreTransaction transaction, CancellationToken cancellationToken = default) => inner.CommitAsync(transaction, cancellationToken);
    public IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, long afterRevision, CancellationToken cancellationToken = default) => inner.WatchAsync(query, afterRevision, cancellationToken);
    public ValueTask<SnapshotInfo> SaveSnapshotAsync(Stream destination, CancellationToken cancellationToken = default) => inner.SaveSnapshotAsync(destination, cancellationToken);
    public ValueTask<SnapshotInfo> RestoreSnapshotAsync(Stream source, CancellationToken cancellationToken = default) => inner.RestoreSnapshotAsync(source, cancellationToken);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
