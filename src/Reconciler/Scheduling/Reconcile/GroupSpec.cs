using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>What the reconcilers need of one task group of the job version being scheduled.</summary>
/// <param name="Name">The group's name.</param>
/// <param name="Group">The group, or null when the job is stopped or no longer has the group.</param>
/// <param name="JobType">The job's type.</param>
/// <param name="JobVersion">The job version.</param>
/// <param name="Digest">The group's digest, <see cref="GroupDigest"/>.</param>
/// <param name="JobStopped">The job itself is stopped (rather than the group removed).</param>
public sealed record GroupSpec(string Name, TaskGroup? Group, JobType JobType, long JobVersion, string? Digest, bool JobStopped)
{
    /// <summary>The deployment pacing this group's update, or null when none does (updates limited by <see cref="MaxParallel"/> per evaluation).</summary>
    public GroupRollout? Rollout { get; init; }

    /// <summary>Destructive updates allowed per evaluation (the group's update.maxParallel; 0 means no limit).</summary>
    public int MaxParallel => Group?.Update?.MaxParallel is { } n and > 0 ? n : int.MaxValue;
}
