using Reconciler.Evaluations;
using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;

namespace Reconciler.Jobs;

/// <summary>
/// Turns job changes into evaluations — a new generation is a register, a scaling when only counts changed, or a
/// deregister when it stops the job — and keeps the job's status (pending / running / dead and the per-group summary) in step with its allocations.
/// Room freed by its allocations releases blocked evaluations through <see cref="BlockedEvaluations"/>, not here.
/// </summary>
public sealed class JobReconciler : IReconciler<Job>
{
    /// <summary>The finalizer that stops a deleted job's allocations before the job goes away.</summary>
    public const string DeregisterFinalizer = "scheduler.recon/deregister";

    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(Job resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        var status = resource.Status;
        if (status.ObservedGeneration != resource.Metadata.Generation)
        {
            var shape = JobShape.Of(resource.Spec);
            var trigger = resource.Spec.Stop == true ? EvaluationTrigger.JobDeregister
                : status.ObservedGeneration > 0 && status.EvaluatedShape == shape ? EvaluationTrigger.JobScaling
                : EvaluationTrigger.JobRegister;
            await context.Client.ApplyAsync(EvaluationFactory.For(resource, trigger, name: EvaluationNames.ForVersion(resource.Metadata.Name, resource.Metadata.Generation)), cancellationToken).ConfigureAwait(false);
            status = status with { ObservedGeneration = resource.Metadata.Generation, EvaluatedShape = shape };
        }

        var allocations = context.Cache.List<Allocation>(resource.Metadata.Namespace).Where(a => a.Spec.Job == resource.Metadata.Name).ToList();
        var evaluations = context.Cache.List<Evaluation>(resource.Metadata.Namespace).Where(e => e.Spec.Job == resource.Metadata.Name).ToList();
        var latest = evaluations.Where(e => e.Status.State is EvaluationState.Complete or EvaluationState.Blocked).MaxBy(e => e.Metadata.ResourceVersion);
        var evaluating = evaluations.Any(e => e.Status.State is EvaluationState.Pending or EvaluationState.Blocked);
        var (state, groups) = JobSummary.Of(resource, allocations, latest?.Status.QueuedAllocations ?? new Dictionary<string, int>(), evaluating);
        status = status with { State = state, Summary = groups };
        await context.UpdateStatusAsync(resource with { Status = status }, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }
}
