using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Placement;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>distinct_hosts: no two allocations of the group on one node, counting those placed by this plan.</summary>
public sealed class DistinctHostsCheck(GroupPresence presence) : IFeasibilityCheck
{
    /// <inheritdoc />
    public string? WhyInfeasible(Node node) => presence.CountOn(node.Metadata.Name) > 0 ? "constraint distinct_hosts" : null;
}
