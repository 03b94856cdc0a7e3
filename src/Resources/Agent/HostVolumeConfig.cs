namespace Reconciler.Resources.Agent;

/// <summary>
/// A host directory offered to jobs under a name (<c>[client.host_volume.NAME]</c>), Nomad's
/// <c>host_volume "mysql" { path = "/opt/mysql/data" }</c>.
/// </summary>
public sealed record HostVolumeConfig
{
    /// <summary>The absolute directory on the host (<c>path</c>).</summary>
    public string Path { get; init; } = "";

    /// <summary>Whether jobs may only read it (<c>read_only</c>).</summary>
    public bool ReadOnly { get; init; }
}
