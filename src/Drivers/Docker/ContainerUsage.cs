using Docker.DotNet.Models;

namespace Reconciler.Drivers.Docker;

/// <summary>Turns the engine's stats sample into the contract's usage record.</summary>
internal static class ContainerUsage
{
    public static TaskResourceUsage From(ContainerStatsResponse sample, DateTimeOffset now)
    {
        var cpu = sample.CPUStats?.CPUUsage?.TotalUsage ?? 0;
        var previousCpu = sample.PreCPUStats?.CPUUsage?.TotalUsage ?? 0;
        var system = sample.CPUStats?.SystemUsage ?? 0;
        var previousSystem = sample.PreCPUStats?.SystemUsage ?? 0;
        double? percent = system > previousSystem && previousSystem > 0
            ? 100.0 * (cpu - previousCpu) / (system - previousSystem) * Math.Max(1u, sample.CPUStats!.OnlineCPUs)
            : null;
        return new TaskResourceUsage
        {
            Timestamp = now,
            MemoryBytes = (long)(sample.MemoryStats?.Usage ?? 0),
            MemoryRssBytes = Rss(sample.MemoryStats?.Stats),
            MemoryLimitBytes = sample.MemoryStats?.Limit is > 0 and var limit ? (long)limit : null,
            CpuTime = TimeSpan.FromTicks((long)(cpu / 100)),
            CpuPercent = percent,
        };
    }

    // cgroup v1 reports "rss"; v2 reports anonymous memory as "anon".
    private static long? Rss(IDictionary<string, ulong>? stats) =>
        stats is null ? null : stats.TryGetValue("rss", out var rss) ? (long)rss : stats.TryGetValue("anon", out var anon) ? (long)anon : null;
}
