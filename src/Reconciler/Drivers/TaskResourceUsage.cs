namespace Reconciler.Drivers;

/// <summary>A sample of what a running task uses.</summary>
public sealed record TaskResourceUsage
{
    /// <summary>When the sample was taken.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Resident memory in bytes, summed over the task's processes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>The memory limit in bytes, when one is enforced.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary>CPU time used since the task started, summed over its processes.</summary>
    public TimeSpan CpuTime { get; init; }

    /// <summary>CPU use since the previous sample in percent of one core; null for a first sample.</summary>
    public double? CpuPercent { get; init; }
}
