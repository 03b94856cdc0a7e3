namespace Reconciler.Resources.Kinds;

/// <summary>Where a job is in its life, as in Nomad.</summary>
public enum JobState
{
    /// <summary>Nothing runs yet: allocations are queued or starting.</summary>
    Pending,
    /// <summary>At least one allocation is running or about to.</summary>
    Running,
    /// <summary>Stopped, or every allocation finished and none will run again.</summary>
    Dead,
}
