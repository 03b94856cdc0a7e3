using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Apply;

/// <summary>
/// One decision of an apply, made before anything is written: what happens to one object, what is stored now
/// (<paramref name="Existing"/>, null when absent) and what will be (<paramref name="Desired"/>, null when it goes).
/// </summary>
/// <param name="Key">The object.</param>
/// <param name="Action">One of <see cref="Contracts.ChangeActions"/>.</param>
/// <param name="Existing">The object as stored when the plan was made.</param>
/// <param name="Desired">The object as it will be stored.</param>
public sealed record PlannedChange(ResourceKey Key, string Action, Resource? Existing, Resource? Desired)
{
    /// <summary>True when the change writes: not unchanged, and not a prune of an object already terminating.</summary>
    public bool Writes => Action switch
    {
        Contracts.ChangeActions.Unchanged => false,
        Contracts.ChangeActions.Pruned => Existing?.Metadata.DeletionTimestamp is null,
        _ => true,
    };
}
