using Reconciler.Resources.Model;

namespace Reconciler.Store.Writes;

/// <summary>The current objects a plan is decided against, including writes sequenced but not yet durable.</summary>
internal interface ICurrentObjects
{
    /// <summary>The stamp of the current object, or null when it does not exist.</summary>
    ObjectStamp? GetStamp(ResourceKey key);

    /// <summary>The current object, or null when it does not exist.</summary>
    Resource? GetObject(ResourceKey key);

    /// <summary>Every current key.</summary>
    IReadOnlyCollection<ResourceKey> AllKeys();
}
