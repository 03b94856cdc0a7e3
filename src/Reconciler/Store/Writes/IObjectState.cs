using Reconciler.Resources.Model;

namespace Reconciler.Store.Writes;

/// <summary>
/// Where a store keeps the JSON of its current objects: a dictionary in memory, FasterKV on disk.
/// The store calls it under its state lock: reads may run together, applies run alone and in revision order.
/// </summary>
internal interface IObjectState : IDisposable
{
    /// <summary>The JSON of the current object, or null when it does not exist.</summary>
    byte[]? Read(ResourceKey key);

    /// <summary>Makes a durable plan's changes current.</summary>
    void Apply(WritePlan plan);
}
