using System.Globalization;
using Reconciler.Client.Stats;
using Reconciler.Drivers;
using Reconciler.Host.Cli.Output;

namespace Reconciler.Host.Cli.Allocations;

/// <summary><c>recon alloc status -stats</c>: what each running task uses, and the allocation in total, as Nomad's "Task Resources".</summary>
public static class AllocStatsPrinter
{
    /// <summary>Writes the resource usage table.</summary>
    public static void Print(CliSession session, AllocationUsage usage)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(usage);
        session.Out.WriteLine();
        session.Out.WriteLine("Task Resources");
        if (usage.Tasks.Count == 0)
        {
            session.Out.WriteLine("No task is running.");
            return;
        }
        IEnumerable<(string Name, TaskResourceUsage Usage)> rows = [.. usage.Tasks.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value))];
        if (usage.Tasks.Count > 1) rows = rows.Append(("(total)", usage.Total));
        TableWriter.Write(session, ["Task", "CPU", "CPU Time", "Memory", "RSS", "Memory Limit"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Name,
                r.Usage.CpuPercent is { } percent ? percent.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
                r.Usage.CpuTime.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s",
                ByteSize.Format(r.Usage.MemoryBytes),
                r.Usage.MemoryRssBytes is { } rss ? ByteSize.Format(rss) : "-",
                r.Usage.MemoryLimitBytes is { } limit ? ByteSize.Format(limit) : "-"])]);
    }
}
