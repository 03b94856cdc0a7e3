using System.Collections.Immutable;

using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.State;

/// <summary>
/// What the scheduler knows of the cluster at one moment: the nodes, the allocations holding resources on each,
/// and every allocation of each job. Immutable, so taking a snapshot costs nothing and a scheduler never sees a
/// half-applied plan; changes return a new state sharing everything they did not touch.
/// </summary>
public sealed class ClusterState
{
    private static readonly ImmutableDictionary<string, AllocationRecord> NoAllocations = ImmutableDictionary.Create<string, AllocationRecord>(StringComparer.Ordinal);

    /// <summary>A cluster without nodes or allocations.</summary>
    public static ClusterState Empty { get; } = new(
        ImmutableDictionary.Create<string, Node>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, NodeAllocations>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableDictionary<string, AllocationRecord>>(StringComparer.Ordinal));

    private ClusterState(
        ImmutableDictionary<string, Node> nodes,
        ImmutableDictionary<string, NodeAllocations> byNode,
        ImmutableDictionary<string, ImmutableDictionary<string, AllocationRecord>> byJob)
    {
        Nodes = nodes;
        ByNode = byNode;
        ByJob = byJob;
    }

    /// <summary>Nodes by name.</summary>
    public ImmutableDictionary<string, Node> Nodes { get; }

    /// <summary>The allocations holding resources on each node, by node name.</summary>
    public ImmutableDictionary<string, NodeAllocations> ByNode { get; }

    /// <summary>Every allocation of each job (terminal ones included), by <see cref="JobKeys"/> then id.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, AllocationRecord>> ByJob { get; }

    /// <summary>A state holding <paramref name="nodes"/> and <paramref name="allocations"/>.</summary>
    public static ClusterState Of(IEnumerable<Node> nodes, IEnumerable<AllocationRecord> allocations) =>
        Empty.WithNodes(nodes).WithAllocations(allocations);

    /// <summary>The allocations on <paramref name="node"/> that hold resources.</summary>
    public NodeAllocations On(string node) => ByNode.TryGetValue(node, out var allocations) ? allocations : NodeAllocations.Empty;

    /// <summary>Every allocation of the job <paramref name="jobKey"/>.</summary>
    public IReadOnlyCollection<AllocationRecord> AllocationsOf(string jobKey) =>
        ByJob.TryGetValue(jobKey, out var allocations) ? allocations.Values.ToList() : [];

    /// <summary>The allocation <paramref name="id"/> of <paramref name="jobKey"/>, or null.</summary>
    public AllocationRecord? Find(string jobKey, string id) =>
        ByJob.TryGetValue(jobKey, out var allocations) && allocations.TryGetValue(id, out var record) ? record : null;

    /// <summary>A state with <paramref name="nodes"/> added or replaced.</summary>
    public ClusterState WithNodes(IEnumerable<Node> nodes)
    {
        var builder = Nodes.ToBuilder();
        foreach (var node in nodes) builder[node.Metadata.Name] = node;
        return new ClusterState(builder.ToImmutable(), ByNode, ByJob);
    }

    /// <summary>A state without the node <paramref name="name"/> (its allocations stay until they change).</summary>
    public ClusterState WithoutNode(string name) => new(Nodes.Remove(name), ByNode, ByJob);

    /// <summary>
    /// A state with <paramref name="records"/> added or replaced. A record older than the one held (by store
    /// revision) is ignored, so the same change seen twice, or out of order, leaves the newest.
    /// </summary>
    public ClusterState WithAllocations(IEnumerable<AllocationRecord> records)
    {
        var byJob = ByJob.ToBuilder();
        var nodeChanges = new Dictionary<string, List<AllocationRecord>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var jobAllocations = byJob.TryGetValue(record.JobKey, out var existing) ? existing : NoAllocations;
            if (jobAllocations.TryGetValue(record.Id, out var held) && held.ResourceVersion > record.ResourceVersion) continue;
            byJob[record.JobKey] = jobAllocations.SetItem(record.Id, record);
            if (held is not null && held.Node != record.Node) NodeChangesOf(nodeChanges, held.Node).Add(held with { DesiredStatus = AllocationDesiredStatus.Stop });
            NodeChangesOf(nodeChanges, record.Node).Add(record);
        }
        var byNode = ByNode.ToBuilder();
        foreach (var (node, changes) in nodeChanges)
            byNode[node] = (byNode.TryGetValue(node, out var current) ? current : NodeAllocations.Empty).WithChanges(changes);
        return new ClusterState(Nodes, byNode.ToImmutable(), byJob.ToImmutable());
    }

    /// <summary>A state without the allocation <paramref name="id"/> of <paramref name="jobKey"/> (it was deleted).</summary>
    public ClusterState WithoutAllocation(string jobKey, string id)
    {
        if (Find(jobKey, id) is not { } held) return this;
        var remaining = ByJob[jobKey].Remove(id);
        var byJob = remaining.IsEmpty ? ByJob.Remove(jobKey) : ByJob.SetItem(jobKey, remaining);
        return new ClusterState(Nodes, ByNode.SetItem(held.Node, On(held.Node).Without(id)), byJob);
    }

    private static List<AllocationRecord> NodeChangesOf(Dictionary<string, List<AllocationRecord>> changes, string node)
    {
        if (!changes.TryGetValue(node, out var list)) changes[node] = list = [];
        return list;
    }
}
