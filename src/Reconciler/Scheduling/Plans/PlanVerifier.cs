using Reconciler.Resources.Kinds;
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
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        if (plan.Placements.Count == 0) return rejected;
        // Work from the node's totals, changed by what the plan adds and frees, so the re-check costs as much as
        // the plan rather than as much as the hundreds of allocations already on its nodes.
        var arriving = new Dictionary<string, NodeDelta>(StringComparer.Ordinal);
        foreach (var placement in plan.Placements)
        {
            var spec = placement.Spec;
            if (!arriving.TryGetValue(spec.Node, out var delta)) arriving[spec.Node] = delta = new NodeDelta();
            foreach (var resources in spec.Resources.Values)
            {
                delta.Cpu += resources.Cpu;
                delta.MemoryMB += resources.MemoryMB;
            }
            foreach (var port in spec.Ports) (delta.Ports ??= []).Add(port.Value);
        }
        Free(plan.Stops, arriving, cluster);
        Free(plan.Preemptions, arriving, cluster);
        foreach (var (name, delta) in arriving)
            if (!Fits(cluster, name, delta)) rejected.Add(name);
        return rejected;
    }

    // Takes out what the plan's stops and evictions release on the nodes it places on, as the current state holds them.
    private static void Free(IReadOnlyList<AllocationStop> stops, Dictionary<string, NodeDelta> arriving, ClusterState cluster)
    {
        foreach (var stop in stops)
        {
            if (!arriving.TryGetValue(stop.Allocation.Node, out var delta)) continue;
            if (cluster.Find(stop.Allocation.JobKey, stop.Allocation.Id) is not { IsTerminal: false } current || current.Node != stop.Allocation.Node) continue;
            if (!(delta.Leaving ??= new HashSet<string>(StringComparer.Ordinal)).Add(current.Id)) continue;
            delta.Cpu -= current.Cpu;
            delta.MemoryMB -= current.MemoryMB;
            foreach (var port in current.Ports) (delta.FreedPorts ??= []).Add(port);
        }
    }

    private static bool Fits(ClusterState cluster, string name, NodeDelta delta)
    {
        if (!cluster.Nodes.TryGetValue(name, out var node) || !SchedulableNodes.IsSchedulable(node)) return false;
        var on = cluster.On(name);
        if (on.Cpu + delta.Cpu > node.Spec.Resources.Cpu || on.MemoryMB + delta.MemoryMB > node.Spec.Resources.MemoryMB) return false;
        if (delta.Ports is null) return true;
        var taken = new HashSet<int>();
        foreach (var port in delta.Ports)
        {
            if (!taken.Add(port)) return false;
            if (on.PortInUse(port) && !(delta.FreedPorts?.Contains(port) ?? false)) return false;
        }
        return true;
    }

    private sealed class NodeDelta
    {
        public int Cpu { get; set; }

        public int MemoryMB { get; set; }

        public List<int>? Ports { get; set; }

        public HashSet<string>? Leaving { get; set; }

        public HashSet<int>? FreedPorts { get; set; }
    }
}
