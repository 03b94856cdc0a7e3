namespace Reconciler.Resources.Kinds;

/// <summary>How the wait before a reschedule grows.</summary>
public enum DelayFunction
{
    /// <summary>Always the same delay.</summary>
    Constant,
    /// <summary>The delay doubles each time, up to maxDelay.</summary>
    Exponential,
    /// <summary>The delay follows the Fibonacci sequence, up to maxDelay.</summary>
    Fibonacci,
}
