using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;

namespace Reconciler.Deployments;

/// <summary>Records every version of every job in its <see cref="JobHistory"/> as the version appears.</summary>
public sealed class JobHistoryReconciler(JobHistory history) : IReconciler<Job>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(Job resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        if (resource.Metadata.DeletionTimestamp is null)
            await history.RecordAsync(resource, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }
}
