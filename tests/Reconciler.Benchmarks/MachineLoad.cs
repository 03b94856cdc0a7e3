namespace Reconciler.Benchmarks;

/// <summary>How busy the shared machine was, recorded beside each result.</summary>
public static class MachineLoad
{
    /// <summary>The 1, 5 and 15 minute load averages, e.g. <c>1.20 2.30 3.10</c>.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
}
