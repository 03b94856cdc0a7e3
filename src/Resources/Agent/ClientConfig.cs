using System.Collections.Immutable;

namespace Reconciler.Resources.Agent;

/// <summary>The client role of an agent (<c>[client]</c>): runs the allocations placed on this node.</summary>
public sealed record ClientConfig
{
    /// <summary>Whether this agent is a client (<c>enabled</c>).</summary>
    public bool Enabled { get; init; }

    /// <summary>Server addresses, <c>host</c> or <c>host:port</c> (<c>servers</c>).</summary>
    public IReadOnlyList<string> Servers { get; init; } = [];

    /// <summary>A class constraints can target (<c>node_class</c>); null when unset.</summary>
    public string? NodeClass { get; init; }

    /// <summary>The node pool this node joins (<c>node_pool</c>).</summary>
    public string NodePool { get; init; } = "default";

    /// <summary>Free-form node metadata, readable as <c>${meta.key}</c> (<c>meta</c>).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The interface whose address allocations use (<c>network_interface</c>); null picks the default route's.</summary>
    public string? NetworkInterface { get; init; }

    /// <summary>Where client state lives (<c>state_dir</c>); null means <c>data_dir/client</c>.</summary>
    public string? StateDir { get; init; }

    /// <summary>Where allocation directories live (<c>alloc_dir</c>); null means <c>data_dir/alloc</c>.</summary>
    public string? AllocDir { get; init; }

    /// <summary>Host directories jobs may mount, by name (<c>[client.host_volume.NAME]</c>).</summary>
    public IReadOnlyDictionary<string, HostVolumeConfig> HostVolumes { get; init; } = ImmutableDictionary<string, HostVolumeConfig>.Empty;
}
