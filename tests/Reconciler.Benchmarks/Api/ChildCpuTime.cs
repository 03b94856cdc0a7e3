using System.Globalization;

namespace Reconciler.Benchmarks.Api;

/// <summary>
/// The CPU time (user + system) of this process's finished, reaped children, from the cutime and cstime fields of
/// <c>/proc/self/stat</c> (clock ticks of 10 ms): the difference around one CLI run is that run's CPU time, which a loaded
/// machine stretches far less than its wall time.
/// </summary>
internal static class ChildCpuTime
{
    private const double MillisecondsPerTick = 10;

    /// <summary>The total so far in milliseconds; 0 where <c>/proc</c> is not available.</summary>
    public static double Milliseconds()
    {
        if (!File.Exists("/proc/self/stat")) return 0;
        var stat = File.ReadAllText("/proc/self/stat");
        // After the command name in parentheses: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) * MillisecondsPerTick;
    }
}
