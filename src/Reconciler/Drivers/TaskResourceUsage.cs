namespace Reconciler.Drivers;

/// <summary>A sample of what a running task uses.</summary>
public sealed record TaskResourceUsage
{
    /// <summary>When the sample was taken.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Memory in use in bytes: the task's cgroup or container usage where there is one, else its resident memory.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>Resident memory (RSS) in bytes summed over the task's processes, when the driver can tell it apart from usage.</summary>
    public long? MemoryRssBytes { get; init; }

    /// <summary>The memory limit in bytes, when one is enforced.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>CPU time used since the task started, summed over its processes.</summary>
    public TimeSpan CpuTime { get; init; }

    /// <summary>CPU use since the previous sample in percent of one core; null for a first sample.</summary>
    public double? CpuPercent { get; init; }
}
