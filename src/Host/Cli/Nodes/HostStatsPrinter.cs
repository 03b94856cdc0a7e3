using System.Globalization;
using Reconciler.Client.Stats;
using Reconciler.Host.Cli.Output;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.Nodes;

/// <summary><c>recon node status -stats NODE</c>: what the node's machine uses — CPU, memory, the data directory's disk — as Nomad's "Host Resource Utilization".</summary>
public static class HostStatsPrinter
{
    /// <summary>Writes the host usage lines.</summary>
    public static void Print(CliSession session, HostUsage usage)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(usage);
        session.Out.WriteLine();
        session.Out.WriteLine("Host Resource Utilization");
        var cpu = usage.Cpu is { } c
            ? string.Create(CultureInfo.InvariantCulture, $"{c.Total:0.0}% (user {c.User:0.0}%, system {c.System:0.0}%)")
            : "not sampled yet";
        TableWriter.WritePlain(session.Out, null, [
            ["CPU", "=", cpu],
            ["Memory", "=", $"{ByteSize.Format(usage.Memory.Used)} used / {ByteSize.Format(usage.Memory.Total)} total ({ByteSize.Format(usage.Memory.Available)} available)"],
            ["Disk", "=", string.Create(CultureInfo.InvariantCulture,
                $"{ByteSize.Format(usage.Disk.Used)} used / {ByteSize.Format(usage.Disk.Size)} ({usage.Disk.UsedPercent:0.0}%) at {usage.Disk.Path}")],
            ["Uptime", "=", Duration.Format(usage.Uptime)],
        ]);
    }
}
