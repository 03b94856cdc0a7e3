namespace Reconciler.Resources.Kinds;

/// <summary>What the servers want done with an allocation.</summary>
public enum AllocationDesiredStatus
{
    /// <summary>Run it.</summary>
    Run,
    /// <summary>Stop it.</summary>
    Stop,
    /// <summary>Stop it to make room (preemption or drain).</summary>
    Evict,
}
