using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>A set of tasks placed together on one node, <see cref="Count"/> times.</summary>
public sealed record TaskGroup
{
    /// <summary>Unique within the job.</summary>
    [Required]
    public string Name { get; init; } = "";

    /// <summary>How many allocations of the group to run.</summary>
    [Range(0, int.MaxValue)]
    public int Count { get; init; } = 1;

    /// <summary>Hard placement requirements.</summary>
    public IReadOnlyList<Constraint> Constraints { get; init; } = [];

    /// <summary>Soft placement preferences.</summary>
    public IReadOnlyList<Affinity> Affinities { get; init; } = [];

    /// <summary>How allocations are spread over attribute values.</summary>
    public IReadOnlyList<Spread> Spreads { get; init; } = [];

    /// <summary>The group's update strategy; after defaulting, the job's strategy overridden by what the group wrote.</summary>
    public UpdateStrategy? Update { get; init; }

    /// <summary>Restarts on the node; null until <see cref="JobDefaults"/> fills it for the job type.</summary>
    public RestartPolicy? Restart { get; init; }

    /// <summary>Replacement on another node; null for system and sysbatch jobs, which it does not apply to.</summary>
    public ReschedulePolicy? Reschedule { get; init; }

    /// <summary>Volumes the group claims, by the name tasks mount them under.</summary>
    public IReadOnlyDictionary<string, VolumeRequest> Volumes { get; init; } = new Dictionary<string, VolumeRequest>();

    /// <summary>The ports the group needs.</summary>
    public NetworkSpec Network { get; init; } = new();

    /// <summary>Free key/value pairs, interpolated as <c>${meta.key}</c>; override the job's.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = new Dictionary<string, string>();

    /// <summary>The tasks of the group.</summary>
    [MinLength(1)]
    public IReadOnlyList<JobTask> Tasks { get; init; } = [];
}
