using Reconciler.Drivers;

namespace Reconciler.Client.Stats;

/// <summary>What one allocation's running tasks use, per task and in total (<c>GET /v1/client/allocation/ID/stats</c>).</summary>
public sealed record AllocationUsage
{
    /// <summary>The allocation's id.</summary>
    public required string AllocationId { get; init; }

    /// <summary>The allocation's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The job the allocation belongs to.</summary>
    public required string Job { get; init; }

    /// <summary>The allocation's task group.</summary>
    public required string TaskGroup { get; init; }

    /// <summary>When the samples were taken.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The latest sample of each running task, by task name.</summary>
    public IReadOnlyDictionary<string, TaskResourceUsage> Tasks { get; init; } = new Dictionary<string, TaskResourceUsage>();

    /// <summary>The tasks' samples summed (memory, CPU time and percent; the limit when every task has one).</summary>
    public TaskResourceUsage Total => new()
    {
        Timestamp = Timestamp,
        MemoryBytes = Tasks.Values.Sum(t => t.MemoryBytes),
        MemoryRssBytes = Tasks.Values.All(t => t.MemoryRssBytes is not null) ? Tasks.Values.Sum(t => t.MemoryRssBytes) : null,
        MemoryLimitBytes = Tasks.Count > 0 && Tasks.Values.All(t => t.MemoryLimitBytes is not null) ? Tasks.Values.Sum(t => t.MemoryLimitBytes) : null,
        CpuTime = TimeSpan.FromTicks(Tasks.Values.Sum(t => t.CpuTime.Ticks)),
        CpuPercent = Tasks.Values.Any(t => t.CpuPercent is not null) ? Tasks.Values.Sum(t => t.CpuPercent ?? 0) : null,
    };
}
