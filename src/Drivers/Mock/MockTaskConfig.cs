namespace Reconciler.Drivers.Mock;

/// <summary>The <c>config</c> of a mock task: what the fake task does.</summary>
public sealed record MockTaskConfig
{
    /// <summary>How long the task runs before exiting by itself; null runs until stopped.</summary>
    public TimeSpan? RunFor { get; init; }

    /// <summary>The code it exits with after <see cref="RunFor"/>.</summary>
    public int ExitCode { get; init; }

    /// <summary>When set, starting fails with this message.</summary>
    public string? StartError { get; init; }

    /// <summary>Written to the task's stdout log when it starts.</summary>
    public string? Stdout { get; init; }

    /// <summary>The task ignores the stop signal and is killed only after the timeout.</summary>
    public bool IgnoreStopSignal { get; init; }

    /// <summary>The exit code of every exec session; each echoes its command to stdout.</summary>
    public int ExecExitCode { get; init; }
}
