using Reconciler.Evaluations;
using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;

namespace Reconciler.Jobs;

/// <summary>
/// Stopping a job: when a job is deleted, a deregister evaluation stops its allocations; the job goes away once
/// none of them is still desired to run.
/// </summary>
public sealed class JobDeregisterFinalizer : IFinalizer<Job>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> FinalizeAsync(Job resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        var running = context.Cache.List<Allocation>(resource.Metadata.Namespace)
            .Any(a => a.Spec.Job == resource.Metadata.Name && a.Spec.DesiredStatus == AllocationDesiredStatus.Run && a.Status.ClientStatus is AllocationClientStatus.Pending or AllocationClientStatus.Running);
        if (!running) return ReconcileResult.Done;
        var name = $"{resource.Metadata.Name}-deregister-{resource.Metadata.Uid?[..8] ?? "0"}";
        await context.Client.ApplyAsync(EvaluationFactory.For(resource, EvaluationTrigger.JobDeregister, name: name), cancellationToken).ConfigureAwait(false);
        return ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(1));
    }
}
