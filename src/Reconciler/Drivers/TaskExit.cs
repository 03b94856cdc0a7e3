using Reconciler.Resources.Kinds;

namespace Reconciler.Drivers;

/// <summary>How a task ended.</summary>
public sealed record TaskExit
{
    /// <summary>The exit code; for a process killed by a signal, 128 + the signal as shells report it.</summary>
    public int ExitCode { get; init; }

    /// <summary>The signal that ended the task, when one did.</summary>
    public int? Signal { get; init; }

    /// <summary>The kernel killed the task for using more memory than its limit.</summary>
    public bool OomKilled { get; init; }

    /// <summary>What went wrong besides the exit itself (e.g. the engine lost the task), for people.</summary>
    public string? Error { get; init; }

    /// <summary>Exit code 0, no signal, no error.</summary>
    public bool Successful => ExitCode == 0 && Signal is null && !OomKilled && Error is null;

    /// <summary>The <c>Terminated</c> task event for this exit.</summary>
    public TaskEvent ToEvent(DateTimeOffset time) => new()
    {
        Type = "Terminated",
        Time = time,
        ExitCode = ExitCode,
        Signal = Signal,
        Message = Describe(),
    };

    /// <summary>The exit in words, e.g. "exited with code 1" or "killed by SIGKILL (out of memory)".</summary>
    public string Describe()
    {
        var text = Signal is { } signal ? $"killed by {UnixSignal.NameOf(signal)}" : $"exited with code {ExitCode}";
        if (OomKilled) text += " (out of memory)";
        return Error is null ? text : $"{text}: {Error}";
    }
}
