namespace Reconciler.Resources.Kinds;

/// <summary>The latest result of one service check of a task, as the client's health watcher reports it.</summary>
public sealed record CheckResult
{
    /// <summary>The check's name (its own, or <c>service.type.index</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>How the check probes: http, tcp or script.</summary>
    public CheckType Kind { get; init; }

    /// <summary>Passing or critical.</summary>
    public CheckStatus Status { get; init; } = CheckStatus.Critical;

    /// <summary>Why it failed, cut to <see cref="MaxOutputLength"/> characters; null while it passes.</summary>
    public string? Output { get; init; }

    /// <summary>Since when the check has had this status without a break.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>The longest output a result carries: enough to tell why, short enough for every status write.</summary>
    public const int MaxOutputLength = 256;
}
