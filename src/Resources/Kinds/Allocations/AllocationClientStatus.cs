namespace Reconciler.Resources.Kinds;

/// <summary>Where an allocation is in its life on the client.</summary>
public enum AllocationClientStatus
{
    /// <summary>Not started yet.</summary>
    Pending,
    /// <summary>Its tasks are running.</summary>
    Running,
    /// <summary>All tasks finished successfully.</summary>
    Complete,
    /// <summary>A task failed beyond its restart policy.</summary>
    Failed,
    /// <summary>Its node went down.</summary>
    Lost,
}
