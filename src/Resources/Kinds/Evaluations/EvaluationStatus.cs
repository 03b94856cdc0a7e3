using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>What the scheduler made of an <see cref="Evaluation"/>.</summary>
public sealed record EvaluationStatus : ResourceStatus
{
    /// <summary>Where the evaluation is.</summary>
    public EvaluationState State { get; init; } = EvaluationState.Pending;

    /// <summary>Why, for people.</summary>
    public string? Description { get; init; }

    /// <summary>Why allocations of each group could not be placed, by group name.</summary>
    public IReadOnlyDictionary<string, PlacementFailure> FailedPlacements { get; init; } = new Dictionary<string, PlacementFailure>();

    /// <summary>Allocations still waiting for room, by group name.</summary>
    public IReadOnlyDictionary<string, int> QueuedAllocations { get; init; } = new Dictionary<string, int>();

    /// <summary>The blocked evaluation created to retry the failed placements.</summary>
    public string? BlockedEvaluation { get; init; }

    /// <summary>What the plan did to each group, by group name, as <c>job plan</c> and <c>job status</c> show it.</summary>
    public IReadOnlyDictionary<string, GroupDesiredChanges> DesiredChanges { get; init; } = new Dictionary<string, GroupDesiredChanges>();
}
