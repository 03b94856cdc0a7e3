using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Plans;

/// <summary>What the plan applier committed of a plan.</summary>
/// <param name="Revision">The store revision of the commit (the store's current revision when nothing was written).</param>
/// <param name="Placed">The allocations placed, as stored.</param>
/// <param name="RejectedNodes">Nodes whose placements failed the re-check at commit; the evaluation plans again for them.</param>
public sealed record PlanResult(long Revision, IReadOnlyList<Allocation> Placed, IReadOnlySet<string> RejectedNodes)
{
    /// <summary>Part of the plan was refused: the scheduler must plan again on fresher state.</summary>
    public bool IsPartial => RejectedNodes.Count > 0;
}
