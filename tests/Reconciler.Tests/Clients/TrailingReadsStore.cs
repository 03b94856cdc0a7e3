using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Tests.Clients;

/// <summary>
/// A store whose reads of one key trail a write still being committed, as the durable store's do: until
/// <see cref="StaleUntil"/> a get or a list answers the object as it was before (null: not there yet), while writes
/// are checked against the newer one.
/// </summary>
internal sealed class TrailingReadsStore(IResourceStore inner, ResourceKey key, Resource? before) : IResourceStore
{
    public DateTime StaleUntil { get; init; }

    public long Revision => inner.Revision;
    public ValueTask<Resource?> GetAsync(ResourceKey key1, CancellationToken cancellationToken = default) =>
        key1 == key && DateTime.UtcNow < StaleUntil ? ValueTask.FromResult<Resource?>(before) : inner.GetAsync(key1, cancellationToken);
    public async ValueTask<ListResult> ListAsync(ListQuery query, CancellationToken cancellationToken = default)
    {
        var listed = await inner.ListAsync(query, cancellationToken);
        if (DateTime.UtcNow >= StaleUntil) return listed;
        var items = listed.Items.Where(r => r.Key != key).ToList();
        if (before is not null && listed.Items.Any(r => r.Key == key)) items.Add(before);
        return listed with { Items = items };
    }
    public ValueTask<Resource> PutAsync(Resource resource, long? expectedRevision = null, CancellationToken cancellationToken = default) => inner.PutAsync(resource, expectedRevision, cancellationToken);
    public ValueTask<Resource?> DeleteAsync(ResourceKey key1, long? expectedRevision = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(key1, expectedRevision, cancellationToken);
    public ValueTask<TransactionResult> CommitAsync(StoreTransaction transaction, CancellationToken cancellationToken = default) => inner.CommitAsync(transaction, cancellationToken);
    public IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, long afterRevision, CancellationToken cancellationToken = default) => inner.WatchAsync(query, afterRevision, cancellationToken);
    public ValueTask<SnapshotInfo> SaveSnapshotAsync(Stream destination, CancellationToken cancellationToken = default) => inner.SaveSnapshotAsync(destination, cancellationToken);
    public ValueTask<SnapshotInfo> RestoreSnapshotAsync(Stream source, CancellationToken cancellationToken = default) => inner.RestoreSnapshotAsync(source, cancellationToken);
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
