using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Placement;

/// <summary>
/// The cluster as a plan in progress leaves it: the snapshot's allocations per node, minus the allocations the plan
/// stops or evicts, plus the ones it places. Only nodes the plan touches carry a change.
/// </summary>
public sealed class ProposedUsage(ClusterState cluster)
{
    private readonly Dictionary<string, NodeChange> _changes = new(StringComparer.Ordinal);

    /// <summary>The snapshot underneath.</summary>
    public ClusterState Cluster => cluster;

    /// <summary>CPU (MHz) and memory (MB) reserved on <paramref name="node"/>.</summary>
    public (int Cpu, int MemoryMB) UsedOn(string node)
    {
        var current = cluster.On(node);
        return _changes.TryGetValue(node, out var change)
            ? (current.Cpu + change.Cpu, current.MemoryMB + change.MemoryMB)
            : (current.Cpu, current.MemoryMB);
    }

    /// <summary>True when <paramref name="port"/> is held on <paramref name="node"/>.</summary>
    public bool PortInUse(string node, int port)
    {
        if (!_changes.TryGetValue(node, out var change)) return cluster.On(node).PortInUse(port);
        if (change.AddedPorts?.Contains(port) ?? false) return true;
        return cluster.On(node).PortInUse(port) && !(change.RemovedPorts?.Contains(port) ?? false);
    }

    /// <summary>The allocations holding resources on <paramref name="node"/>.</summary>
    public IEnumerable<AllocationRecord> AllocationsOn(string node)
    {
        var current = cluster.On(node).Allocations;
        if (!_changes.TryGetValue(node, out var change)) return current;
        return current.Where(a => !(change.Removed?.Contains(a.Id) ?? false)).Concat(change.Added);
    }

    /// <summary>Counts <paramref name="record"/> as placed.</summary>
    public void Add(AllocationRecord record)
    {
        var change = ChangeOn(record.Node);
        change.Added.Add(record);
        change.Cpu += record.Cpu;
        change.MemoryMB += record.MemoryMB;
        foreach (var port in record.Ports) (change.AddedPorts ??= []).Add(port);
    }

    /// <summary>Counts <paramref name="record"/> as stopped; its resources are free for the plan.</summary>
    public void Remove(AllocationRecord record)
    {
        if (record.IsTerminal) return;
        var change = ChangeOn(record.Node);
        if (!(change.Removed ??= new HashSet<string>(StringComparer.Ordinal)).Add(record.Id)) return;
        change.Cpu -= record.Cpu;
        change.MemoryMB -= record.MemoryMB;
        foreach (var port in record.Ports) (change.RemovedPorts ??= []).Add(port);
    }

    private NodeChange ChangeOn(string node)
    {
        if (!_changes.TryGetValue(node, out var change)) _changes[node] = change = new NodeChange();
        return change;
    }

    // A plan touches a thousand nodes, most only to add one allocation without ports: the sets come when needed.
    private sealed class NodeChange
    {
        public List<AllocationRecord> Added { get; } = [];
        public HashSet<string>? Removed { get; set; }
        public HashSet<int>? AddedPorts { get; set; }
        public HashSet<int>? RemovedPorts { get; set; }
        public int Cpu { get; set; }
        public int MemoryMB { get; set; }
    }
}
