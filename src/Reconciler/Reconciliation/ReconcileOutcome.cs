namespace Reconciler.Reconciliation;

/// <summary>What a <see cref="ReconcileResult"/> asks the runtime to do next.</summary>
public enum ReconcileOutcome
{
    /// <summary>Converged; forget the key's failures and wait for the next change.</summary>
    Done,
    /// <summary>Converged for now; look at the key again after a delay.</summary>
    Requeue,
    /// <summary>Failed; retry the key with exponential backoff.</summary>
    Failed,
}
