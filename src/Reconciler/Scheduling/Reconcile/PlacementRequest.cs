using Reconciler.Resources.Kinds;
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

    /// <summary>
    /// Set when it replaces a failed allocation under the group's reschedule policy: the reschedule history it
    /// carries (<see cref="Previous"/>'s and this reschedule). Its previous node is then ranked lower.
    /// </summary>
    public IReadOnlyList<RescheduleEvent>? RescheduleEvents { get; init; }

    /// <summary>The node a rescheduled allocation failed on, which placement avoids when another fits.</summary>
    public string? PenalizedNode => RescheduleEvents is null ? null : Previous?.Node;
}
