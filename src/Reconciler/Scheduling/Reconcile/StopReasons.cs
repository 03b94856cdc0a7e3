namespace Reconciler.Scheduling.Reconcile;

/// <summary>The descriptions stopped allocations carry, worded as Nomad words them.</summary>
public static class StopReasons
{
    /// <summary>The job was stopped or deleted.</summary>
    public const string JobStopped = "alloc not needed as job is stopped";

    /// <summary>The group left the job.</summary>
    public const string GroupRemoved = "alloc not needed as task group was removed";

    /// <summary>The count went down.</summary>
    public const string ScaledDown = "alloc not needed due to job update";

    /// <summary>Replaced for a new job version.</summary>
    public const string Updated = "alloc is being updated due to job update";

    /// <summary>Moved off a draining node.</summary>
    public const string Migrated = "alloc is being migrated";

    /// <summary>Its node is down.</summary>
    public const string Lost = "alloc is lost since its node is down";

    /// <summary>A second allocation with the same name.</summary>
    public const string Duplicate = "alloc not needed as it duplicates another";
}
