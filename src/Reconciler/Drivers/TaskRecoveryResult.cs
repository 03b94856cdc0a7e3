namespace Reconciler.Drivers;

/// <summary>The outcome of <see cref="ITaskDriver.RecoverAsync"/>.</summary>
public sealed record TaskRecoveryResult
{
    /// <summary>Whether the driver re-attached to the task; it may have exited since (see <see cref="ITaskDriver.WaitAsync"/>).</summary>
    public bool Recovered { get; init; }

    /// <summary>Why the task could not be adopted, for people; null when recovered.</summary>
    public string? Error { get; init; }

    /// <summary>The task was adopted.</summary>
    public static TaskRecoveryResult Success { get; } = new() { Recovered = true };

    /// <summary>The task is gone or is not provably the one the handle names.</summary>
    public static TaskRecoveryResult Failure(string error) => new() { Error = error };
}
