namespace Reconciler.Resources.Kinds;

/// <summary>One thing that happened to a task, e.g. Started, Terminated, Restarting.</summary>
public sealed record TaskEvent
{
    /// <summary>What happened, as a CamelCase word.</summary>
    public string Type { get; init; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Details for people.</summary>
    public string? Message { get; init; }

    /// <summary>The exit code, for exits.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The signal, for kills.</summary>
    public int? Signal { get; init; }
}
