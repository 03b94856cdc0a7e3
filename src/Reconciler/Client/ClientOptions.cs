using Reconciler.Resources.Kinds;

namespace Reconciler.Client;

/// <summary>How a client agent presents its node and where it keeps its allocations (the agent config's <c>[client]</c>).</summary>
public sealed record ClientOptions
{
    /// <summary>The node's name, unique in the cluster; default the machine's host name.</summary>
    public string NodeName { get; init; } = System.Environment.MachineName;

    /// <summary>Where allocation directories (<c>alloc/ID</c>) and persisted task handles (<c>client/handles</c>) live.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The datacenter the node is in.</summary>
    public string Datacenter { get; init; } = "dc1";

    /// <summary>A free label grouping similar nodes (<c>${node.class}</c>).</summary>
    public string? NodeClass { get; init; }

    /// <summary>Operator-set key/value pairs (<c>${meta.…}</c>).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    /// <summary>Directories offered as host volumes, by name.</summary>
    public IReadOnlyDictionary<string, NodeHostVolume> HostVolumes { get; init; } = new Dictionary<string, NodeHostVolume>();

    /// <summary>The drivers this client offers; null offers every registered driver.</summary>
    public IReadOnlyList<string>? EnabledDrivers { get; init; }

    /// <summary>The lowest host port the scheduler may assign dynamically here.</summary>
    public int MinDynamicPort { get; init; } = 20000;

    /// <summary>The highest host port the scheduler may assign dynamically here.</summary>
    public int MaxDynamicPort { get; init; } = 32000;

    /// <summary>The address tasks' ports are reached on (<c>RECON_ADDR_*</c>, checks).</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>
    /// Stop every task when the client stops, as a dev agent must: its state is temporary, so no later client could
    /// adopt the tasks. False (a real client) leaves tasks running across an agent restart, as Nomad's does.
    /// </summary>
    public bool StopTasksOnShutdown { get; init; }

    /// <summary>The directory of one allocation.</summary>
    public string AllocationDirectory(string allocationId) => Path.Combine(DataDirectory, "alloc", allocationId);

    /// <summary>The file holding the node id tasks are marked with (<see cref="NodeIdentity"/>).</summary>
    public string NodeIdFile => Path.Combine(DataDirectory, "client", "node-id");

    /// <summary>The directory persisted task handles are written to.</summary>
    public string HandleDirectory => Path.Combine(DataDirectory, "client", "handles");
}
