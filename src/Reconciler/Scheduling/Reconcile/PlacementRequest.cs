using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>One allocation the plan must place.</summary>
/// <param name="Group">The task group.</param>
/// <param name="Index">The index in the group (the <c>[n]</c> of its name).</param>
/// <param name="Previous">The allocation it replaces (updated, migrated, lost or failed), if any.</param>
/// <param name="IsReplacement">It replaces an allocation stopped by the same plan (destructive update, migration, lost node).</param>
/// <param name="Node">The node it must go to (system jobs); null lets the scheduler choose.</param>
public sealed record PlacementRequest(string Group, int Index, AllocationRecord? Previous = null, bool IsReplacement = false, string? Node = null)
{
    /// <summary>Placed as a canary of the deployment, beside the allocation it will replace once promoted.</summary>
    public bool Canary { get; init; }
}
