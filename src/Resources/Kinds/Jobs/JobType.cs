namespace Reconciler.Resources.Kinds;

/// <summary>The scheduler a job is handled by, as in Nomad.</summary>
public enum JobType
{
    /// <summary>Long-running tasks that should never go down.</summary>
    Service,
    /// <summary>Tasks that run to completion.</summary>
    Batch,
    /// <summary>One long-running allocation on every eligible node.</summary>
    System,
    /// <summary>One run-to-completion allocation on every eligible node.</summary>
    Sysbatch,
}
