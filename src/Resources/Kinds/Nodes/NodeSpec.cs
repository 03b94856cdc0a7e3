namespace Reconciler.Resources.Kinds;

/// <summary>What a node offers the scheduler, and whether it may place work there.</summary>
public sealed record NodeSpec
{
    /// <summary>The datacenter the node is in.</summary>
    public string Datacenter { get; init; } = "dc1";

    /// <summary>A free label grouping similar nodes, matched by <c>${node.class}</c>.</summary>
    public string? NodeClass { get; init; }

    /// <summary>Fingerprinted facts, e.g. <c>kernel.name: linux</c>, matched by <c>${attr.…}</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Operator-set key/value pairs, matched by <c>${meta.…}</c>.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    /// <summary>Task drivers by name, as fingerprinted.</summary>
    public IReadOnlyDictionary<string, NodeDriver> Drivers { get; init; } = new Dictionary<string, NodeDriver>();

    /// <summary>The node's total schedulable resources.</summary>
    public NodeResources Resources { get; init; } = new();

    /// <summary>Host volumes the client offers, by name.</summary>
    public IReadOnlyDictionary<string, NodeHostVolume> HostVolumes { get; init; } = new Dictionary<string, NodeHostVolume>();

    /// <summary>Whether the scheduler may place new allocations here.</summary>
    public SchedulingEligibility SchedulingEligibility { get; init; } = SchedulingEligibility.Eligible;

    /// <summary>Set while the node is being drained of its allocations.</summary>
    public DrainStrategy? Drain { get; init; }
}
