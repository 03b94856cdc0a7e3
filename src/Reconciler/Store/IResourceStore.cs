using Reconciler.Resources.Model;

namespace Reconciler.Store;

/// <summary>
/// The revisioned object store every part of Reconciler reads and writes, shaped like etcd and
/// Nomad's state store. A global revision increases by one on every committed write or transaction;
/// each object carries the revision of its last write in <c>metadata.resourceVersion</c>.
/// </summary>
/// <remarks>
/// On write the store stamps metadata: a new object gets a uid, createdAt and generation 1; an
/// update keeps uid and createdAt and bumps generation only when the spec changed. A write is
/// acknowledged (its task completes) only once it is durable.
/// </remarks>
public interface IResourceStore : IAsyncDisposable
{
    /// <summary>The revision of the last committed write (0 for an empty store).</summary>
    long Revision { get; }

    /// <summary>Reads one object, or null when it does not exist.</summary>
    ValueTask<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default);

    /// <summary>Lists objects of a kind, optionally in one namespace and matching a label selector.</summary>
    ValueTask<ListResult> ListAsync(ListQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces an object. With <paramref name="expectedRevision"/> the write succeeds only
    /// when the object's current resourceVersion equals it (0: only when the object does not exist);
    /// otherwise it throws <see cref="ConflictException"/>. Returns the object as stored.
    /// </summary>
    ValueTask<Resource> PutAsync(Resource resource, long? expectedRevision = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an object; returns its last state (stamped with the delete's revision) or null when it
    /// did not exist. <paramref name="expectedRevision"/> works as for <see cref="PutAsync"/>.
    /// </summary>
    ValueTask<Resource?> DeleteAsync(ResourceKey key, long? expectedRevision = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies several puts and deletes atomically under one new revision: all or none. Any failed
    /// expectation throws <see cref="ConflictException"/> and nothing is written.
    /// </summary>
    ValueTask<TransactionResult> CommitAsync(StoreTransaction transaction, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams changes with a revision greater than <paramref name="afterRevision"/>, in revision order,
    /// then waits for new ones until cancelled. Throws <see cref="CompactedException"/> when revisions
    /// after <paramref name="afterRevision"/> are no longer kept; relist and watch from the list's revision.
    /// </summary>
    IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, long afterRevision, CancellationToken cancellationToken = default);

    /// <summary>Writes every object at the current revision to <paramref name="destination"/> in the snapshot format.</summary>
    ValueTask<SnapshotInfo> SaveSnapshotAsync(Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the whole content with a snapshot. The snapshot is verified in full first: a corrupt or
    /// truncated one throws <see cref="SnapshotFormatException"/> and changes nothing.
    /// </summary>
    ValueTask<SnapshotInfo> RestoreSnapshotAsync(Stream source, CancellationToken cancellationToken = default);
}
