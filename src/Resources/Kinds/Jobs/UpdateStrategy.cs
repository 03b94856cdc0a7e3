using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// How a new job version rolls out (Nomad's <c>update</c> block). Every field is null when not
/// written, so a group's block can override the job's field by field; <see cref="JobDefaults"/>
/// fills the rest with Nomad's defaults, after which no field is null.
/// </summary>
public sealed record UpdateStrategy
{
    /// <summary>Allocations updated at once (default 1); 0 disables rolling updates.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxParallel { get; init; }

    /// <summary>Wait between update batches (default 30s).</summary>
    public TimeSpan? Stagger { get; init; }

    /// <summary>How long an allocation must stay healthy to count as healthy (default 10s).</summary>
    public TimeSpan? MinHealthyTime { get; init; }

    /// <summary>How long an allocation may take to become healthy (default 5m).</summary>
    public TimeSpan? HealthyDeadline { get; init; }

    /// <summary>How long a deployment may go without progress before it fails (default 10m); 0 disables.</summary>
    public TimeSpan? ProgressDeadline { get; init; }

    /// <summary>Canaries placed before the rest of the update (default 0).</summary>
    [Range(0, int.MaxValue)]
    public int? Canary { get; init; }

    /// <summary>Promote canaries once they are healthy (default false).</summary>
    public bool? AutoPromote { get; init; }

    /// <summary>Roll back to the last stable version when a deployment fails (default false).</summary>
    public bool? AutoRevert { get; init; }

    /// <summary>
    /// Create before destroy (beyond Nomad; default 0, off): up to this many new allocations are placed beside the
    /// old ones, and an old one stops only once its replacement is healthy, so the group never drops below its
    /// count of healthy allocations during an update. When set it takes the place of <see cref="MaxParallel"/>.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int? MaxSurge { get; init; }

    /// <summary>What decides that an allocation is healthy (default checks).</summary>
    public HealthCheckMode? HealthCheck { get; init; }
}
