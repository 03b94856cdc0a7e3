namespace Reconciler.Resources.Kinds;

/// <summary>What the scheduler decided for an <see cref="Allocation"/>.</summary>
public sealed record AllocationSpec
{
    /// <summary>The name of the job, in the allocation's namespace.</summary>
    public string Job { get; init; } = "";

    /// <summary>The job's metadata.generation the allocation runs.</summary>
    public long JobVersion { get; init; }

    /// <summary>The task group placed.</summary>
    public string Group { get; init; } = "";

    /// <summary>The allocation's index within the group, 0..count-1.</summary>
    public int Index { get; init; }

    /// <summary>The name of the node it is placed on.</summary>
    public string Node { get; init; } = "";

    /// <summary>What the servers want the client to do with it.</summary>
    public AllocationDesiredStatus DesiredStatus { get; init; } = AllocationDesiredStatus.Run;

    /// <summary>Why, for people, e.g. "alloc is being updated due to job update".</summary>
    public string? DesiredDescription { get; init; }

    /// <summary>Resources reserved per task name.</summary>
    public IReadOnlyDictionary<string, TaskResources> Resources { get; init; } = new Dictionary<string, TaskResources>();

    /// <summary>The host ports assigned to the group's port labels.</summary>
    public IReadOnlyList<AllocatedPort> Ports { get; init; } = [];

    /// <summary>The allocation this one replaces, when rescheduled or updated.</summary>
    public string? PreviousAllocation { get; init; }

    /// <summary>
    /// The reschedules that led to this allocation, oldest first: the failed allocation's own history plus the
    /// reschedule that replaced it. Empty for an allocation that replaces nothing that failed.
    /// </summary>
    public IReadOnlyList<RescheduleEvent> RescheduleEvents { get; init; } = [];

    /// <summary>The deployment that placed it, when placed by a rollout.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>Placed as a canary of a deployment.</summary>
    public bool Canary { get; init; }

    /// <summary>Nomad's allocation name, <c>job.group[index]</c>; the object's metadata.name is its unique id.</summary>
    public string Name { get; init; } = "";

    /// <summary>The job's priority when placed; preemption compares it.</summary>
    public int Priority { get; init; } = 50;

    /// <summary>A digest of the group's spec the allocation runs, so the scheduler can tell in-place from destructive updates.</summary>
    public string? GroupDigest { get; init; }

    /// <summary>Set by a node drain: the scheduler should move the allocation to another node.</summary>
    public bool Migrate { get; init; }

    /// <summary>The allocation that evicted this one to make room, when preempted.</summary>
    public string? PreemptedBy { get; init; }
}
