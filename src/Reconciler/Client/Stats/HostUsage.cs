namespace Reconciler.Client.Stats;

/// <summary>What the client's machine uses (<c>GET /v1/client/stats</c>, the <c>recon.client.host.*</c> gauges), read from <c>/proc</c>.</summary>
public sealed record HostUsage
{
    /// <summary>When the sample was taken.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>CPU use over all cores since the previous sample; null for the first one.</summary>
    public HostCpuUsage? Cpu { get; init; }

    /// <summary>Memory of the machine (<c>/proc/meminfo</c>).</summary>
    public required HostMemoryUsage Memory { get; init; }

    /// <summary>The file system holding the client's data directory.</summary>
    public required HostDiskUsage Disk { get; init; }

    /// <summary>How long the machine has been up.</summary>
    public TimeSpan Uptime { get; init; }
}
