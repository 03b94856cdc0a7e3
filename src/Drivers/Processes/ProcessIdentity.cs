using System.Globalization;

namespace Reconciler.Drivers.Processes;

/// <summary>
/// A process told apart from any later one that reuses its pid: the pid plus its start time in
/// clock ticks since boot, field 22 of <c>/proc/PID/stat</c>.
/// </summary>
public sealed record ProcessIdentity(int Pid, long StartTicks)
{
    /// <summary>The identity of the live (non-zombie) process with this pid, or null when there is none.</summary>
    public static ProcessIdentity? Of(int pid)
    {
        var stat = ProcessStat.Read(pid);
        return stat is null || stat.State == 'Z' ? null : new ProcessIdentity(pid, stat.StartTicks);
    }

    /// <summary>Whether this very process still runs: same pid, same start time, not a zombie.</summary>
    public bool IsAlive() => Of(Pid) == this;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"pid {Pid} (started at tick {StartTicks})");
}
