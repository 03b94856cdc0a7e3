using Microsoft.Extensions.Logging;

using Reconciler.Evaluations;
using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Deployments;

/// <summary>
/// The deployment watcher: looks at a deployment's job and allocations (<see cref="DeploymentProgress"/>), then
/// applies the decision in one place — allocation health, the deployment's status, an evaluation (after update.stagger)
/// when the rollout can go on, the job version marked stable on success, auto-revert on failure — and comes back
/// when a health or progress deadline falls due. Starting a deployment cancels the older ones of its job still running.
/// </summary>
public sealed class DeploymentReconciler(JobHistory history, JobReverter reverter) : IReconciler<Deployment>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(Deployment resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        var ns = resource.Metadata.Namespace;
        var jobKey = new ResourceKey("Job", ns, resource.Spec.Job);
        var job = context.Cache.Get<Job>(jobKey);
        var allocations = context.Cache.List<Allocation>(ns)
            .Where(a => a.Spec.Job == resource.Spec.Job && a.Spec.JobVersion == resource.Spec.JobVersion
                && (a.Spec.DesiredStatus == AllocationDesiredStatus.Run || a.Spec.DeploymentId == resource.Metadata.Name))
            .ToList();
        var now = context.Time.GetUtcNow();
        var decision = DeploymentProgress.Decide(resource, job, allocations, now);

        foreach (var (allocation, health) in decision.HealthWrites)
            await context.Client.UpdateStatusAsync(allocation with { Status = allocation.Status with { Health = health } }, cancellationToken).ConfigureAwait(false);
        var status = decision.Status;
        // The terminal status is written before reverting, marked RevertPending: the reverted version's deployment
        // cancels the running ones of its job, and a Failed written after that would lose to the Cancelled; and a
        // revert cut short by an error is made on the next look, since the pending mark stays until it is done.
        var written = await context.UpdateStatusAsync(resource with { Status = status }, cancellationToken).ConfigureAwait(false);
        if (!written.Succeeded) return ReconcileResult.Done; // the newer version is queued
        if (decision.Revert && written.Resource is { } failed)
            status = (await reverter.FinishAutoRevertAsync(failed, cancellationToken).ConfigureAwait(false)).Status;

        if (decision.MarkStable) await history.MarkStableAsync(ns, resource.Spec.Job, resource.Spec.JobVersion, cancellationToken).ConfigureAwait(false);
        if (job is not null && decision.Evaluate) await EvaluateAsync(job, resource, status, now, context, cancellationToken).ConfigureAwait(false);
        if (status.State == DeploymentState.Running) await CancelOlderAsync(resource, context, cancellationToken).ConfigureAwait(false);
        if (status.State != resource.Status.State)
            context.Logger.LogInformation("Deployment {Deployment} of job {Job} v{Version}: {State} ({Description})",
                resource.Key, resource.Spec.Job, resource.Spec.JobVersion, status.State, status.Description);
        return decision.RecheckAt is { } at ? ReconcileResult.RequeueAfter(at > now ? at - now : TimeSpan.Zero) : ReconcileResult.Done;
    }

    // One evaluation per step of progress (the name says which), due after the stagger between batches. Before any
    // progress there is no step: the evaluation that started the deployment places its first batch, and one more
    // waiting a stagger from the start would place the second batch early, once the first turned healthy meanwhile.
    private static async Task EvaluateAsync(Job job, Deployment deployment, DeploymentStatus status, DateTimeOffset now, ReconcileContext context, CancellationToken cancellationToken)
    {
        var healthy = status.Groups.Values.Sum(g => g.Healthy);
        var promoted = status.Groups.Values.Count(g => g.Promoted);
        if (healthy == 0 && promoted == 0 && status.State == DeploymentState.Running) return;
        var stagger = status.State == DeploymentState.Successful ? TimeSpan.Zero : Stagger(job, status);
        var evaluation = EvaluationFactory.For(job, EvaluationTrigger.DeploymentWatcher, name: EvaluationNames.DeploymentStep(deployment.Metadata.Name, healthy, promoted));
        if (stagger > TimeSpan.Zero) evaluation = evaluation with { Spec = evaluation.Spec with { WaitUntil = now + stagger } };
        if (context.Cache.Get<Evaluation>(evaluation.Key) is null) await context.Client.ApplyAsync(evaluation, cancellationToken).ConfigureAwait(false);
    }

    // update.stagger is per group (the job's block only fills in what a group leaves out); the next step waits for the
    // shortest stagger among the groups still rolling, so one slow group does not hold back the others.
    private static TimeSpan Stagger(Job job, DeploymentStatus status)
    {
        var rolling = job.Spec.Groups
            .Where(g => status.Groups.TryGetValue(g.Name, out var group) && group.Healthy < group.Desired)
            .Select(g => g.Update?.Stagger ?? job.Spec.Update?.Stagger ?? TimeSpan.Zero)
            .ToList();
        return rolling.Count == 0 ? TimeSpan.Zero : rolling.Min();
    }

    private static async Task CancelOlderAsync(Deployment deployment, ReconcileContext context, CancellationToken cancellationToken)
    {
        var older = context.Cache.List<Deployment>(deployment.Metadata.Namespace)
            .Where(d => d.Spec.Job == deployment.Spec.Job && d.Spec.JobVersion < deployment.Spec.JobVersion && !DeploymentProgress.IsTerminal(d.Status.State));
        foreach (var d in older)
        {
            var cancelled = d.Status with { State = DeploymentState.Cancelled, Description = DeploymentDescriptions.CancelledNewerVersion };
            await context.UpdateStatusAsync(d with { Status = cancelled }, cancellationToken).ConfigureAwait(false);
        }
    }
}
