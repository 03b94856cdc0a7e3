using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Fit;

namespace Reconciler.Scheduling.Ranking;

/// <summary>
/// Nomad's node-reschedule penalty: the node a failed allocation ran on scores -1 for its replacement, so the
/// sampler sets it aside for any other node that fits, yet still takes it when it is the only one. The stack sets
/// <see cref="Node"/> per placement; other nodes, and placements that replace nothing failed, are not scored.
/// </summary>
public sealed class ReschedulePenaltyScore : IRankStep
{
    /// <summary>The node to penalise for the current placement, or null.</summary>
    public string? Node { get; set; }

    /// <inheritdoc />
    public double? Score(Node node, FitResult fit) => Node is not null && node.Metadata.Name == Node ? -1 : null;
}
