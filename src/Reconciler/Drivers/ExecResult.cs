namespace Reconciler.Drivers;

/// <summary>How an exec'd command ended.</summary>
public sealed record ExecResult
{
    /// <summary>The command's exit code; -1 when it could not run.</summary>
    public int ExitCode { get; init; }

    /// <summary>Why the command could not run, for people; null when it ran.</summary>
    public string? Error { get; init; }

    /// <summary>A command that ran and exited.</summary>
    public static ExecResult Exited(int exitCode) => new() { ExitCode = exitCode };

    /// <summary>A command that could not run.</summary>
    public static ExecResult Failure(string error) => new() { ExitCode = -1, Error = error };
}
