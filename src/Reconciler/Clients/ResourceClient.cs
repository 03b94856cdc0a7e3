using System.Text.Json;

using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Clients;

/// <summary>
/// Runtime-level writes on top of <see cref="IResourceStore"/>, for controllers, the API and the CLI: apply
/// (create or update, keeping status and finalizers), delete with the finalizer protocol, status updates with
/// optimistic concurrency, and adding or removing finalizers. Conflicts are returned as values.
/// </summary>
public sealed class ResourceClient(IResourceStore store, TimeProvider? time = null)
{
    private const int ConflictRetries = 16;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The store this client writes to.</summary>
    public IResourceStore Store => store;

    /// <summary>Reads one object from the store, or null.</summary>
    public async ValueTask<T?> GetAsync<T>(ResourceKey key, CancellationToken cancellationToken = default) where T : Resource =>
        await store.GetAsync(key, cancellationToken).ConfigureAwait(false) as T;

    /// <summary>
    /// Creates <paramref name="resource"/> or replaces its spec, labels and annotations, keeping the stored
    /// status, finalizers and deletion timestamp (which belong to controllers). Returns the object as stored.
    /// </summary>
    public async ValueTask<T> ApplyAsync<T>(T resource, CancellationToken cancellationToken = default) where T : Resource
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await store.GetAsync(resource.Key, cancellationToken).ConfigureAwait(false);
            var desired = existing is null ? resource : Merge(resource, existing);
            try
            {
                return (T)await store.PutAsync(desired, existing?.Metadata.ResourceVersion ?? 0, cancellationToken).ConfigureAwait(false);
            }
            catch (ConflictException) when (attempt < ConflictRetries)
            {
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// As <see cref="ApplyAsync{T}(T, CancellationToken)"/>, but only while the object is at <paramref name="expectedRevision"/>
    /// (0: only when it does not exist yet) — Nomad's check-index. Otherwise throws <see cref="ConflictException"/>; no retry.
    /// </summary>
    public async ValueTask<T> ApplyAsync<T>(T resource, long expectedRevision, CancellationToken cancellationToken = default) where T : Resource
    {
        var existing = await store.GetAsync(resource.Key, cancellationToken).ConfigureAwait(false);
        var actual = existing?.Metadata.ResourceVersion ?? 0;
        if (actual != expectedRevision) throw new ConflictException(resource.Key, expectedRevision, actual);
        var desired = existing is null ? resource : Merge(resource, existing);
        return (T)await store.PutAsync(desired, expectedRevision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the object with <paramref name="key"/>. An object without finalizers is removed; one with
    /// finalizers gets <c>metadata.deletionTimestamp</c> and is removed once its controllers drop their finalizers.
    /// </summary>
    public async ValueTask<DeleteOutcome> DeleteAsync(ResourceKey key, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is null) return DeleteOutcome.NotFound;
            try
            {
                return await DeleteAtAsync(existing, cancellationToken).ConfigureAwait(false);
            }
            catch (ConflictException) when (attempt < ConflictRetries)
            {
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// As <see cref="DeleteAsync(ResourceKey, CancellationToken)"/>, but only while the object is at
    /// <paramref name="expectedRevision"/>; otherwise throws <see cref="ConflictException"/>; no retry.
    /// </summary>
    public async ValueTask<DeleteOutcome> DeleteAsync(ResourceKey key, long expectedRevision, CancellationToken cancellationToken = default)
    {
        var existing = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var actual = existing?.Metadata.ResourceVersion ?? 0;
        if (actual != expectedRevision) throw new ConflictException(key, expectedRevision, actual);
        return existing is null ? DeleteOutcome.NotFound : await DeleteAtAsync(existing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What applying <paramref name="incoming"/> over <paramref name="existing"/> stores: the incoming spec, labels and
    /// annotations with the existing status, finalizers and deletion timestamp (which belong to controllers).
    /// For callers that write several applies in one <see cref="StoreTransaction"/>.
    /// </summary>
    public static T Merge<T>(T incoming, Resource existing) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(existing);
        var metadata = incoming.Metadata with
        {
            Finalizers = [.. existing.Metadata.Finalizers.Union(incoming.Metadata.Finalizers)],
            DeletionTimestamp = existing.Metadata.DeletionTimestamp,
        };
        return (T)incoming.WithMetadata(metadata).WithUntypedStatus(existing.UntypedStatus);
    }

    private async ValueTask<DeleteOutcome> DeleteAtAsync(Resource existing, CancellationToken cancellationToken)
    {
        var key = existing.Key;
        if (existing.Metadata.Finalizers.Count == 0)
        {
            var deleted = await store.DeleteAsync(key, existing.Metadata.ResourceVersion, cancellationToken).ConfigureAwait(false);
            return deleted is null ? DeleteOutcome.NotFound : DeleteOutcome.Deleted;
        }
        if (existing.Metadata.DeletionTimestamp is not null) return DeleteOutcome.Terminating;
        var marked = existing.WithMetadata(existing.Metadata with { DeletionTimestamp = _time.GetUtcNow() });
        await store.PutAsync(marked, existing.Metadata.ResourceVersion, cancellationToken).ConfigureAwait(false);
        return DeleteOutcome.Terminating;
    }

    /// <summary>
    /// Writes the status <paramref name="resource"/> carries, expecting the object to be still at the
    /// resourceVersion it was read at. An equal status is not written again.
    /// </summary>
    public async ValueTask<WriteResult<T>> UpdateStatusAsync<T>(T resource, CancellationToken cancellationToken = default) where T : Resource
    {
        var stored = await store.GetAsync(resource.Key, cancellationToken).ConfigureAwait(false);
        if (stored is null) return new(WriteOutcome.NotFound, null);
        if (stored.Metadata.ResourceVersion != resource.Metadata.ResourceVersion) return new(WriteOutcome.Conflict, stored as T);
        if (SameStatus(stored.UntypedStatus, resource.UntypedStatus)) return new(WriteOutcome.Unchanged, (T)stored);
        var desired = stored.WithUntypedStatus(resource.UntypedStatus);
        return await PutAsync((T)desired, resource.Metadata.ResourceVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds finalizer names <paramref name="resource"/> lacks, expecting it unchanged since it was read.</summary>
    public async ValueTask<WriteResult<T>> AddFinalizersAsync<T>(T resource, IEnumerable<string> names, CancellationToken cancellationToken = default) where T : Resource
    {
        var missing = names.Where(n => !resource.Metadata.Finalizers.Contains(n)).ToArray();
        if (missing.Length == 0) return new(WriteOutcome.Unchanged, resource);
        var desired = (T)resource.WithMetadata(resource.Metadata with { Finalizers = [.. resource.Metadata.Finalizers, .. missing] });
        return await PutAsync(desired, resource.Metadata.ResourceVersion, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes finalizer <paramref name="name"/>, expecting the object unchanged since it was read. When it was
    /// the last one of an object being deleted, the object is deleted (<see cref="WriteOutcome.Deleted"/>).
    /// </summary>
    public async ValueTask<WriteResult<T>> RemoveFinalizerAsync<T>(T resource, string name, CancellationToken cancellationToken = default) where T : Resource
    {
        if (!resource.Metadata.Finalizers.Contains(name)) return new(WriteOutcome.Unchanged, resource);
        var remaining = resource.Metadata.Finalizers.Where(n => n != name).ToArray();
        var expected = resource.Metadata.ResourceVersion;
        if (remaining.Length > 0 || resource.Metadata.DeletionTimestamp is null)
            return await PutAsync((T)resource.WithMetadata(resource.Metadata with { Finalizers = remaining }), expected, cancellationToken).ConfigureAwait(false);
        try
        {
            var deleted = await store.DeleteAsync(resource.Key, expected, cancellationToken).ConfigureAwait(false);
            return new(deleted is null ? WriteOutcome.NotFound : WriteOutcome.Deleted, null);
        }
        catch (ConflictException)
        {
            return new(WriteOutcome.Conflict, null);
        }
    }

    private async ValueTask<WriteResult<T>> PutAsync<T>(T desired, long expectedRevision, CancellationToken cancellationToken) where T : Resource
    {
        try
        {
            return new(WriteOutcome.Written, (T)await store.PutAsync(desired, expectedRevision, cancellationToken).ConfigureAwait(false));
        }
        catch (ConflictException conflict)
        {
            return new(conflict.ActualRevision == 0 ? WriteOutcome.NotFound : WriteOutcome.Conflict, null);
        }
    }

    private static bool SameStatus(ResourceStatus a, ResourceStatus b) =>
        a.GetType() == b.GetType()
        && JsonSerializer.SerializeToUtf8Bytes(a, a.GetType(), ResourceJson.Options)
            .AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b, b.GetType(), ResourceJson.Options));
}
