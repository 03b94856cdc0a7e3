namespace Reconciler.Resources.Kinds;

/// <summary>The outcome of a service check's latest run, worded as Consul and Nomad word it.</summary>
public enum CheckStatus
{
    /// <summary>The check passed.</summary>
    Passing,
    /// <summary>The check failed or timed out.</summary>
    Critical,
}
