using Reconciler.Evaluations;
using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Jobs;

/// <summary>
/// Purging a job (deleting it; stopping one only sets <c>spec.stop</c>): a deregister evaluation stops its allocations;
/// once the clients have stopped them (or <see cref="StopGrace"/> passed), the job's allocations and evaluations are deleted with it,
/// as Nomad's <c>job stop -purge</c> and garbage collection leave nothing of the job behind.
/// </summary>
public sealed class JobDeregisterFinalizer : IFinalizer<Job>
{
    /// <summary>How long a purge waits for clients to report the job's stopped allocations ended before deleting them anyway.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public async Task<ReconcileResult> FinalizeAsync(Job resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        var allocations = context.Cache.List<Allocation>(resource.Metadata.Namespace).Where(a => a.Spec.Job == resource.Metadata.Name).ToList();
        if (allocations.Any(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run && IsLive(a)))
        {
            var name = EvaluationNames.Deregister(resource.Metadata.Name, resource.Metadata.Uid ?? "0");
            await context.Client.ApplyAsync(EvaluationFactory.For(resource, EvaluationTrigger.JobDeregister, name: name), cancellationToken).ConfigureAwait(false);
            return ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(1));
        }
        // A deleted allocation's task is only stopped at its client's next heartbeat, so give the clients a while to
        // report them stopped first; a client that never answers (a node about to be lost) does not hold the purge.
        var waited = context.Time.GetUtcNow() - (resource.Metadata.DeletionTimestamp ?? context.Time.GetUtcNow());
        if (allocations.Any(IsLive) && waited < StopGrace) return ReconcileResult.RequeueAfter(TimeSpan.FromSeconds(1));
        // A delayed or blocked evaluation still queued for the job finds nothing to reconcile once deleted.
        var evaluations = context.Cache.List<Evaluation>(resource.Metadata.Namespace).Where(e => e.Spec.Job == resource.Metadata.Name);
        foreach (var purged in allocations.Cast<Resource>().Concat(evaluations))
            await context.Client.DeleteAsync(purged.Key, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    private static bool IsLive(Allocation allocation) => allocation.Status.ClientStatus is AllocationClientStatus.Pending or AllocationClientStatus.Running;
}
