namespace Reconciler.Drivers.Processes;

/// <summary>
/// A terminal for an exec session beside a process task (<c>alloc exec -t</c>): the command runs under util-linux
/// <c>script</c>, which gives it a pseudo-terminal and copies the terminal's output — stdout and stderr merged, as a
/// terminal shows them — to its own stdout. Without <c>script</c> on the machine a terminal is refused, not faked.
/// </summary>
internal static class ScriptTerminal
{
    /// <summary>The shell <c>script -c</c> runs the command line with; set so the quoting below is the one that applies.</summary>
    public const string Shell = "/bin/sh";

    /// <summary><paramref name="command"/> wrapped to run in a terminal, or why this machine cannot give one.</summary>
    public static (IReadOnlyList<string>? Command, string? Error) Wrap(TaskConfiguration task, string driver, IReadOnlyList<string> command)
    {
        if (TaskEnvironment.Resolve(task, "script") is null)
            return (null, $"tty is not supported for {driver} tasks on this machine: script (util-linux) is not on PATH; install it or run exec without -t");
        return (["script", "--quiet", "--return", "--command", string.Join(' ', command.Select(Quote)), "/dev/null"], null);
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
