using Reconciler.Scheduling.Placement;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Plans;

/// <summary>
/// The re-check at commit: a plan was made on a snapshot that other plans may have overtaken, so every node it
/// places on is checked again against the current state — still schedulable, CPU, memory and ports still free once
/// the plan's own stops and evictions are taken out. Nodes that no longer fit are rejected as a whole.
/// </summary>
public static class PlanVerifier
{
    /// <summary>The nodes of <paramref name="plan"/> whose placements no longer fit <paramref name="cluster"/>.</summary>
    public static IReadOnlySet<string> RejectedNodes(Plan plan, ClusterState cluster)
    {
        var leaving = plan.Stops.Concat(plan.Preemptions).Select(s => s.Allocation.Id).ToHashSet(StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var placements in plan.Placements.GroupBy(p => p.Spec.Node, StringComparer.Ordinal))
        {
            if (!cluster.Nodes.TryGetValue(placements.Key, out var node) || !SchedulableNodes.IsSchedulable(node))
            {
                rejected.Add(placements.Key);
                continue;
            }
            var staying = cluster.On(placements.Key).Allocations.Where(a => !leaving.Contains(a.Id)).ToList();
            var arriving = placements.Select(AllocationRecord.From).ToList();
            var all = staying.Concat(arriving).ToList();
            var ports = all.SelectMany(a => a.Ports).ToList();
            if (all.Sum(a => a.Cpu) > node.Spec.Resources.Cpu
                || all.Sum(a => a.MemoryMB) > node.Spec.Resources.MemoryMB
                || ports.Count != ports.Distinct().Count())
                rejected.Add(placements.Key);
        }
        return rejected;
    }
}
