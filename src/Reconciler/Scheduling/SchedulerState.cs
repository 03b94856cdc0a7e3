using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling;

/// <summary>
/// Everything one scheduling pass reads: the job (null once it was deleted), the cluster snapshot and the time.
/// The scheduler turns it into a <see cref="Plans.Plan"/> without touching anything else.
/// </summary>
/// <param name="JobKey">The job being scheduled.</param>
/// <param name="Job">The job as stored, or null when it no longer exists (everything of it is stopped).</param>
/// <param name="Cluster">Nodes and allocations.</param>
/// <param name="Now">The time the pass runs at (drain deadlines, reschedule delays).</param>
public sealed record SchedulerState(ResourceKey JobKey, Job? Job, ClusterState Cluster, DateTimeOffset Now)
{
    /// <summary>The job is gone, stopped or being deleted: its allocations should stop.</summary>
    public bool JobStopped => Job is null || Job.IsStopped();

    /// <summary>The deployment of the job's current version, if one rolls it out: it paces destructive updates and places canaries.</summary>
    public Deployment? Deployment { get; init; }

    /// <summary>Every allocation of the job, terminal ones included.</summary>
    public IReadOnlyCollection<AllocationRecord> JobAllocations => Cluster.AllocationsOf(JobKeys.Of(JobKey.Namespace, JobKey.Name));
}
