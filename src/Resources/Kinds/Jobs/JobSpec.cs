using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>The desired state of a <see cref="Job"/>: Nomad's job specification in camelCase.</summary>
public sealed record JobSpec
{
    /// <summary>How the scheduler treats the job.</summary>
    public JobType Type { get; init; } = JobType.Service;

    /// <summary>1..100; higher priority jobs are placed first and may preempt lower ones.</summary>
    [Range(1, 100)]
    public int Priority { get; init; } = 50;

    /// <summary>The datacenters the job may run in; <c>*</c> matches every datacenter, as in Nomad 1.5+.</summary>
    [MinLength(1)]
    public IReadOnlyList<string> Datacenters { get; init; } = ["*"];

    /// <summary>The job-wide update strategy; null until <see cref="JobDefaults"/> fills it.</summary>
    public UpdateStrategy? Update { get; init; }

    /// <summary>Free key/value pairs, interpolated as <c>${meta.key}</c>.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// True marks the job stopped, as Nomad's <c>stop</c>: the scheduler stops all its allocations and places none, while the
    /// job and its history stay (registering the spec without it starts the job again). Null (left out) runs the job.
    /// </summary>
    public bool? Stop { get; init; }

    /// <summary>The task groups; each is placed as a unit on one node.</summary>
    [MinLength(1)]
    public IReadOnlyList<TaskGroup> Groups { get; init; } = [];
}
