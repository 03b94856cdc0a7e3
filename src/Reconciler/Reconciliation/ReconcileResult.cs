namespace Reconciler.Reconciliation;

/// <summary>
/// The value a reconcile returns instead of throwing: done, requeue after a delay, or failed with an error.
/// </summary>
public sealed record ReconcileResult
{
    private ReconcileResult(ReconcileOutcome outcome, TimeSpan delay, string? error, Exception? exception)
    {
        Outcome = outcome;
        Delay = delay;
        Error = error;
        Exception = exception;
    }

    /// <summary>The object is converged.</summary>
    public static ReconcileResult Done { get; } = new(ReconcileOutcome.Done, TimeSpan.Zero, null, null);

    /// <summary>What the runtime does next.</summary>
    public ReconcileOutcome Outcome { get; }

    /// <summary>For <see cref="ReconcileOutcome.Requeue"/>: how long to wait before reconciling again.</summary>
    public TimeSpan Delay { get; }

    /// <summary>For <see cref="ReconcileOutcome.Failed"/>: a sentence saying what went wrong.</summary>
    public string? Error { get; }

    /// <summary>The exception behind a failure, when there was one.</summary>
    public Exception? Exception { get; }

    /// <summary>The object is converged for now but should be looked at again after <paramref name="delay"/>.</summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay) =>
        delay < TimeSpan.Zero
            ? throw new ArgumentOutOfRangeException(nameof(delay), delay, "A requeue delay cannot be negative.")
            : new(ReconcileOutcome.Requeue, delay, null, null);

    /// <summary>The reconcile failed; the key is retried with exponential backoff.</summary>
    public static ReconcileResult Fail(string error) => new(ReconcileOutcome.Failed, TimeSpan.Zero, error, null);

    /// <summary>The reconcile failed with <paramref name="exception"/>; the key is retried with exponential backoff.</summary>
    public static ReconcileResult Fail(Exception exception) =>
        new(ReconcileOutcome.Failed, TimeSpan.Zero, exception.Message, exception);

    /// <inheritdoc />
    public override string ToString() => Outcome switch
    {
        ReconcileOutcome.Requeue => $"Requeue after {Delay}",
        ReconcileOutcome.Failed => $"Failed: {Error}",
        _ => "Done",
    };
}
