using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// Nomad's defaults for what a job leaves out, applied in one step because some depend on the job
/// type. A group's update block is merged field by field over the job's, which is merged over the
/// defaults; restart and reschedule blocks are merged over the defaults of the job type.
/// </summary>
public sealed class JobDefaults : IResourceDefaulter<Job>
{
    /// <summary>
    /// Nomad's update strategy defaults for service jobs. A service job's deployment moves to its next batch as soon as
    /// the last one is healthy: no stagger unless one is written (Nomad applies its 30s stagger to system jobs only).
    /// </summary>
    public static UpdateStrategy Update { get; } = new()
    {
        MaxParallel = 1,
        Stagger = TimeSpan.Zero,
        MinHealthyTime = TimeSpan.FromSeconds(10),
        HealthyDeadline = TimeSpan.FromMinutes(5),
        ProgressDeadline = TimeSpan.FromMinutes(10),
        Canary = 0,
        MaxSurge = 0,
        AutoPromote = false,
        AutoRevert = false,
        HealthCheck = HealthCheckMode.Checks,
    };

    /// <summary>The update defaults for a job type: system and sysbatch jobs wait Nomad's 30s between nodes.</summary>
    public static UpdateStrategy UpdateFor(JobType type) =>
        type is JobType.System or JobType.Sysbatch ? Update with { Stagger = TimeSpan.FromSeconds(30) } : Update;

    /// <summary>Nomad's restart defaults for a job type: long-running jobs restart less often but in a shorter window.</summary>
    public static RestartPolicy RestartFor(JobType type) => type is JobType.Batch or JobType.Sysbatch
        ? new() { Attempts = 3, Interval = TimeSpan.FromHours(24), Delay = TimeSpan.FromSeconds(15), Mode = RestartMode.Fail }
        : new() { Attempts = 2, Interval = TimeSpan.FromMinutes(30), Delay = TimeSpan.FromSeconds(15), Mode = RestartMode.Fail };

    /// <summary>Nomad's reschedule defaults for a job type; null for system and sysbatch jobs, which run on every node instead.</summary>
    public static ReschedulePolicy? RescheduleFor(JobType type) => type switch
    {
        JobType.Service => new()
        {
            Attempts = 0, Interval = TimeSpan.Zero, Delay = TimeSpan.FromSeconds(30),
            DelayFunction = DelayFunction.Exponential, MaxDelay = TimeSpan.FromHours(1), Unlimited = true,
        },
        // A constant delay never grows, so batch jobs need no ceiling.
        JobType.Batch => new()
        {
            Attempts = 1, Interval = TimeSpan.FromHours(24), Delay = TimeSpan.FromSeconds(5),
            DelayFunction = DelayFunction.Constant, MaxDelay = TimeSpan.Zero, Unlimited = false,
        },
        _ => null,
    };

    /// <inheritdoc />
    public Job ApplyDefaults(Job resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var spec = resource.Spec;
        var jobUpdate = Merge(spec.Update, UpdateFor(spec.Type));
        var restart = RestartFor(spec.Type);
        var groups = spec.Groups.Select(g => g with
        {
            Update = Merge(g.Update, jobUpdate),
            Restart = WrittenFields.Over(g.Restart, restart),
            Reschedule = RescheduleOf(g.Reschedule, spec.Type),
        }).ToList();
        return resource with { Spec = spec with { Update = jobUpdate, Groups = groups } };
    }

    /// <summary>
    /// The reschedule policy a group of a <paramref name="type"/> job runs with: the <paramref name="written"/> fields
    /// over the type's defaults (<paramref name="written"/> as it is for system and sysbatch jobs). Writing attempts or
    /// an interval without <c>unlimited</c> means a limit: it turns the service default <c>unlimited: true</c> off,
    /// which would otherwise silently ignore them.
    /// </summary>
    public static ReschedulePolicy? RescheduleOf(ReschedulePolicy? written, JobType type)
    {
        if (RescheduleFor(type) is not { } defaults) return written;
        if (written is { Unlimited: null } && (written.Attempts is not null || written.Interval is not null)) written = written with { Unlimited = false };
        return WrittenFields.Over(written, defaults);
    }

    /// <summary>Fields written in <paramref name="written"/> win; the rest come from <paramref name="fallback"/>.</summary>
    public static UpdateStrategy Merge(UpdateStrategy? written, UpdateStrategy fallback) => WrittenFields.Over(written, fallback);
}
