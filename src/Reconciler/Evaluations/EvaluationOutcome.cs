using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Plans;

namespace Reconciler.Evaluations;

/// <summary>What scheduling one evaluation came to: the last plan, what was committed, and how many attempts it took.</summary>
/// <param name="Plan">The plan of the last attempt.</param>
/// <param name="Result">What the plan applier committed of it.</param>
/// <param name="Attempts">Plans made (more than one when a commit was partial and the scheduler planned again).</param>
/// <param name="Placed">Allocations placed over all attempts.</param>
public sealed record EvaluationOutcome(Plan Plan, PlanResult Result, int Attempts, int Placed)
{
    /// <summary>Some allocations could not be placed: a blocked evaluation should wait for capacity.</summary>
    public bool NeedsBlockedEvaluation => Plan.Queued.Count > 0 || Result.IsPartial;

    /// <summary>The evaluation's status for this outcome.</summary>
    public EvaluationStatus ToStatus(EvaluationStatus current, string? blockedEvaluation) => current with
    {
        State = EvaluationState.Complete,
        Description = Result.IsPartial
            ? $"plan partially committed after {Attempts} attempts; nodes {string.Join(", ", Result.RejectedNodes.Order(StringComparer.Ordinal))} no longer fit"
            : Plan.Queued.Count > 0 ? "some allocations could not be placed; a blocked evaluation waits for capacity" : "plan committed",
        FailedPlacements = Plan.Failures,
        QueuedAllocations = Plan.Queued,
        DesiredChanges = Plan.Changes,
        BlockedEvaluation = blockedEvaluation,
    };
}
