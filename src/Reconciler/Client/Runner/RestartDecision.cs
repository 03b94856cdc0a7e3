namespace Reconciler.Client.Runner;

/// <summary>What to do after a task exited: restart after a delay, or not (complete or failed), and why.</summary>
public sealed record RestartDecision(RestartDecisionKind Kind, TimeSpan Delay, string Reason)
{
    /// <summary>Restart after <paramref name="delay"/>.</summary>
    public static RestartDecision Restart(TimeSpan delay, string reason) => new(RestartDecisionKind.Restart, delay, reason);

    /// <summary>The task is done and succeeded.</summary>
    public static RestartDecision Complete(string reason) => new(RestartDecisionKind.Complete, TimeSpan.Zero, reason);

    /// <summary>The task is done and failed.</summary>
    public static RestartDecision Fail(string reason) => new(RestartDecisionKind.Fail, TimeSpan.Zero, reason);
}

/// <summary>The kinds of <see cref="RestartDecision"/>.</summary>
public enum RestartDecisionKind
{
    /// <summary>Start the task again after the delay.</summary>
    Restart,
    /// <summary>Do not restart: it completed.</summary>
    Complete,
    /// <summary>Do not restart: it failed beyond its policy.</summary>
    Fail,
}
