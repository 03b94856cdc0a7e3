namespace Reconciler.Resources.Kinds;

/// <summary>Why a group's allocations could not be placed: how many nodes each step ruled out, and for what.</summary>
public sealed record PlacementFailure
{
    /// <summary>Nodes considered.</summary>
    public int NodesEvaluated { get; init; }

    /// <summary>Nodes ruled out by constraints, drivers or volumes.</summary>
    public int NodesFiltered { get; init; }

    /// <summary>Nodes that fit but lacked resources.</summary>
    public int NodesExhausted { get; init; }

    /// <summary>Nodes ruled out per constraint, e.g. <c>${attr.kernel.name} = linux: 3</c>.</summary>
    public IReadOnlyDictionary<string, int> ConstraintFiltered { get; init; } = new Dictionary<string, int>();

    /// <summary>Nodes exhausted per resource dimension, e.g. <c>memory: 2</c>.</summary>
    public IReadOnlyDictionary<string, int> DimensionExhausted { get; init; } = new Dictionary<string, int>();

    /// <summary>Further allocations of the group that failed for the same reasons.</summary>
    public int CoalescedFailures { get; init; }

    /// <summary>The reasons in one sentence for people, e.g. "3 nodes exhausted on memory, 2 filtered by constraint ${attr.kernel.name} = windows".</summary>
    public string Description { get; init; } = "";
}
