using System.Collections.Immutable;

using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.State;

/// <summary>
/// What the scheduler knows of the cluster at one moment: the nodes, the allocations holding resources on each,
/// and every allocation of each job. Immutable, so taking a snapshot costs nothing and a scheduler never sees a
/// half-applied plan; a change returns a new state sharing what it did not touch. Per-node data lives in arrays
/// indexed by the node's slot in the <see cref="NodeTable"/>, so the hot lookups of placement are array reads.
/// </summary>
public sealed class ClusterState
{
    private static readonly ImmutableDictionary<string, AllocationRecord> NoAllocations = ImmutableDictionary.Create<string, AllocationRecord>(StringComparer.Ordinal);
    private readonly NodeAllocations[] _byNode;

    /// <summary>A cluster without nodes or allocations.</summary>
    public static ClusterState Empty { get; } = new(NodeTable.Empty, [], ImmutableDictionary.Create<string, ImmutableDictionary<string, AllocationRecord>>(StringComparer.Ordinal));

    private ClusterState(NodeTable nodes, NodeAllocations[] byNode, ImmutableDictionary<string, ImmutableDictionary<string, AllocationRecord>> byJob)
    {
        Nodes = nodes;
        _byNode = byNode;
        ByJob = byJob;
    }

    /// <summary>Nodes by name.</summary>
    public NodeTable Nodes { get; }

    /// <summary>Every allocation of each job (terminal ones included), by <see cref="JobKeys"/> then id.</summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, AllocationRecord>> ByJob { get; }

    /// <summary>A state holding <paramref name="nodes"/> and <paramref name="allocations"/>.</summary>
    public static ClusterState Of(IEnumerable<Node> nodes, IEnumerable<AllocationRecord> allocations) =>
        Empty.WithNodes(nodes).WithAllocations(allocations);

    /// <summary>The allocations on <paramref name="node"/> that hold resources.</summary>
    public NodeAllocations On(string node)
    {
        var slot = Nodes.SlotOf(node);
        return slot >= 0 && slot < _byNode.Length ? _byNode[slot] : NodeAllocations.Empty;
    }

    /// <summary>Every allocation of the job <paramref name="jobKey"/>.</summary>
    public IReadOnlyCollection<AllocationRecord> AllocationsOf(string jobKey) =>
        ByJob.TryGetValue(jobKey, out var allocations) ? allocations.Values.ToList() : [];

    /// <summary>The allocation <paramref name="id"/> of <paramref name="jobKey"/>, or null.</summary>
    public AllocationRecord? Find(string jobKey, string id) =>
        ByJob.TryGetValue(jobKey, out var allocations) && allocations.TryGetValue(id, out var record) ? record : null;

    /// <summary>A state with <paramref name="nodes"/> added or replaced.</summary>
    public ClusterState WithNodes(IEnumerable<Node> nodes) =>
        WithTable(Nodes.WithNodes(nodes.Select(n => (n.Metadata.Name, (Node?)n))));

    /// <summary>A state without the node <paramref name="name"/> (its allocations stay until they change).</summary>
    public ClusterState WithoutNode(string name) => Nodes.SlotOf(name) < 0 ? this : WithTable(Nodes.WithNodes([(name, null)]));

    /// <summary>
    /// A state with <paramref name="records"/> added or replaced. A record older than the one held (by store
    /// revision) is ignored, so the same change seen twice, or out of order, leaves the newest.
    /// </summary>
    public ClusterState WithAllocations(IEnumerable<AllocationRecord> records)
    {
        // One builder per job touched: a plan adds a thousand allocations to one job, and setting them one by one
        // on the immutable map would rebuild its spine a thousand times.
        var jobs = new Dictionary<string, ImmutableDictionary<string, AllocationRecord>.Builder>(StringComparer.Ordinal);
        var nodeChanges = new Dictionary<string, List<AllocationRecord>>(StringComparer.Ordinal);
        var replacing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var jobKey = record.JobKey;
            if (!jobs.TryGetValue(jobKey, out var jobAllocations))
                jobs[jobKey] = jobAllocations = (ByJob.TryGetValue(jobKey, out var existing) ? existing : NoAllocations).ToBuilder();
            if (jobAllocations.TryGetValue(record.Id, out var held) && held.ResourceVersion > record.ResourceVersion) continue;
            jobAllocations[record.Id] = record;
            if (held is not null)
            {
                if (held.Node != record.Node) ChangesOn(nodeChanges, held.Node).Add(held with { DesiredStatus = AllocationDesiredStatus.Stop });
                replacing.Add(held.Node);
            }
            ChangesOn(nodeChanges, record.Node).Add(record);
        }
        var byJob = ByJob;
        if (jobs.Count > 0)
        {
            var builder = ByJob.ToBuilder();
            foreach (var (jobKey, jobAllocations) in jobs) builder[jobKey] = jobAllocations.ToImmutable();
            byJob = builder.ToImmutable();
        }
        var table = Nodes.WithSlots(nodeChanges.Keys);
        var byNode = Resized(table);
        foreach (var (node, changes) in nodeChanges)
        {
            var slot = table.SlotOf(node);
            byNode[slot] = replacing.Contains(node) ? byNode[slot].WithChanges(changes) : byNode[slot].WithNew(changes);
        }
        return new ClusterState(table, byNode, byJob);
    }

    /// <summary>A state without the allocation <paramref name="id"/> of <paramref name="jobKey"/> (it was deleted).</summary>
    public ClusterState WithoutAllocation(string jobKey, string id)
    {
        if (Find(jobKey, id) is not { } held) return this;
        var remaining = ByJob[jobKey].Remove(id);
        var byJob = remaining.IsEmpty ? ByJob.Remove(jobKey) : ByJob.SetItem(jobKey, remaining);
        var byNode = Resized(Nodes);
        var slot = Nodes.SlotOf(held.Node);
        if (slot >= 0) byNode[slot] = byNode[slot].Without(id);
        return new ClusterState(Nodes, byNode, byJob);
    }

    private ClusterState WithTable(NodeTable table) => new(table, Resized(table), ByJob);

    private NodeAllocations[] Resized(NodeTable table)
    {
        var byNode = new NodeAllocations[table.Slots];
        Array.Copy(_byNode, byNode, Math.Min(_byNode.Length, byNode.Length));
        for (var i = _byNode.Length; i < byNode.Length; i++) byNode[i] = NodeAllocations.Empty;
        return byNode;
    }

    private static List<AllocationRecord> ChangesOn(Dictionary<string, List<AllocationRecord>> changes, string node)
    {
        if (!changes.TryGetValue(node, out var list)) changes[node] = list = [];
        return list;
    }
}
