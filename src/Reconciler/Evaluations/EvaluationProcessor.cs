using Reconciler.Resources.Kinds;
using Reconciler.Scheduling;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.State;
using Reconciler.Store;

namespace Reconciler.Evaluations;

/// <summary>
/// Schedules one evaluation: reads the job, runs the scheduler on the current cluster snapshot, commits the plan;
/// when the commit was partial (another plan took the room first) it plans again on the fresher state, a few times.
/// With deployments registered, the job version's deployment (started if needed) paces the plan.
/// </summary>
public sealed class EvaluationProcessor(
    IResourceStore store, ClusterStateTracker tracker, Scheduler scheduler, IPlanCommitter applier, TimeProvider time, IDeploymentSource? deployments = null)
{
    /// <summary>How many times a partially committed plan is made again.</summary>
    public const int MaxAttempts = 5;

    /// <summary>Schedules <paramref name="evaluation"/>.</summary>
    public async Task<EvaluationOutcome> ProcessAsync(Evaluation evaluation, CancellationToken cancellationToken)
    {
        var jobKey = new Resources.Model.ResourceKey("Job", evaluation.Metadata.Namespace, evaluation.Spec.Job);
        var placed = 0;
        for (var attempt = 1; ; attempt++)
        {
            var job = await store.GetAsync(jobKey, cancellationToken).ConfigureAwait(false) as Job;
            var cluster = tracker.Current;
            var deployment = job is null || deployments is null ? null : await deployments.ForAsync(job, cluster, cancellationToken).ConfigureAwait(false);
            var plan = scheduler.Schedule(new SchedulerState(jobKey, job, cluster, time.GetUtcNow()) { Deployment = deployment });
            var result = await applier.ApplyAsync(plan, cancellationToken).ConfigureAwait(false);
            placed += result.Placed.Count;
            if (!result.IsPartial || attempt == MaxAttempts) return new EvaluationOutcome(plan, result, attempt, placed);
        }
    }
}
