using Reconciler.Resources.Model;

namespace Reconciler.Store;

/// <summary>Several puts and deletes to commit atomically under one revision (a scheduler plan, a restore).</summary>
public sealed class StoreTransaction
{
    private readonly List<StoreOperation> _operations = [];

    /// <summary>The operations in the order they were added.</summary>
    public IReadOnlyList<StoreOperation> Operations => _operations;

    /// <summary>Adds a put; <paramref name="expectedRevision"/> works as in <see cref="IResourceStore.PutAsync"/>.</summary>
    public StoreTransaction Put(Resource resource, long? expectedRevision = null)
    {
        _operations.Add(new StoreOperation.Put(resource, expectedRevision));
        return this;
    }

    /// <summary>Adds a delete; <paramref name="expectedRevision"/> works as in <see cref="IResourceStore.DeleteAsync"/>.</summary>
    public StoreTransaction Delete(ResourceKey key, long? expectedRevision = null)
    {
        _operations.Add(new StoreOperation.Delete(key, expectedRevision));
        return this;
    }
}

/// <summary>One operation of a <see cref="StoreTransaction"/>.</summary>
public abstract record StoreOperation(long? ExpectedRevision)
{
    /// <summary>The key the operation touches.</summary>
    public abstract ResourceKey Key { get; }

    /// <summary>Create or replace an object.</summary>
    public sealed record Put(Resource Resource, long? ExpectedRevision) : StoreOperation(ExpectedRevision)
    {
        /// <inheritdoc />
        public override ResourceKey Key => Resource.Key;
    }

    /// <summary>Remove an object.</summary>
    public sealed record Delete(ResourceKey Target, long? ExpectedRevision) : StoreOperation(ExpectedRevision)
    {
        /// <inheritdoc />
        public override ResourceKey Key => Target;
    }
}
