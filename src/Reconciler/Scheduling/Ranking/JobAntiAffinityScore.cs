using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Fit;
using Reconciler.Scheduling.Placement;

namespace Reconciler.Scheduling.Ranking;

/// <summary>
/// Job anti-affinity: a node already running allocations of the group scores lower, the more it runs, so a
/// group does not pile onto one node merely because bin packing likes it.
/// </summary>
public sealed class JobAntiAffinityScore(GroupPresence presence, int desiredCount) : IRankStep
{
    /// <inheritdoc />
    public double? Score(Node node, FitResult fit)
    {
        var collisions = presence.CountOn(node.Metadata.Name);
        return collisions == 0 ? null : -(collisions + 1.0) / Math.Max(1, desiredCount);
    }
}
