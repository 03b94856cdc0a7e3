using Microsoft.Extensions.DependencyInjection;

using Reconciler.Clients;
using Reconciler.Reconciliation;
using Reconciler.Resources.Model;

namespace Reconciler.Controllers;

/// <summary>
/// Runs one reconcile of an object with the finalizer protocol around it: a live object first gets the
/// controller's finalizer names, then the reconciler runs; an object being deleted runs the controller's
/// finalizers one by one, each name removed after its clean-up, and is deleted when none remain.
/// </summary>
internal sealed class FinalizerProtocol<TResource>(ControllerOptions<TResource> options, ResourceClient client) where TResource : Resource
{
    // A write lost a race with another writer: the newer object is queued, so look at the key again at once.
    private static readonly ReconcileResult LookAgain = ReconcileResult.RequeueAfter(TimeSpan.Zero);

    private readonly string[] _names = [.. options.Finalizers.Select(f => f.Name)];

    public async Task<ReconcileResult> RunAsync(TResource resource, ReconcileContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_names.Length > 0)
        {
            if (resource.Metadata.DeletionTimestamp is not null) return await FinalizeAsync(resource, context, services, cancellationToken).ConfigureAwait(false);
            var marked = await client.AddFinalizersAsync(resource, _names, cancellationToken).ConfigureAwait(false);
            if (marked.Outcome == WriteOutcome.NotFound) return ReconcileResult.Done;
            if (marked.Resource is null) return LookAgain;
            resource = marked.Resource;
        }
        var reconciler = (IReconciler<TResource>)services.GetRequiredService(options.ReconcilerType!);
        return await reconciler.ReconcileAsync(resource, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReconcileResult> FinalizeAsync(TResource resource, ReconcileContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var (name, type) in options.Finalizers)
        {
            if (!resource.Metadata.Finalizers.Contains(name)) continue;
            var finalizer = (IFinalizer<TResource>)services.GetRequiredService(type);
            var result = await finalizer.FinalizeAsync(resource, context, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != ReconcileOutcome.Done) return result;
            var removed = await client.RemoveFinalizerAsync(resource, name, cancellationToken).ConfigureAwait(false);
            switch (removed.Outcome)
            {
                case WriteOutcome.Conflict:
                    return LookAgain;
                case WriteOutcome.Deleted or WriteOutcome.NotFound:
                    return ReconcileResult.Done;
                default:
                    resource = removed.Resource ?? resource;
                    break;
            }
        }
        return ReconcileResult.Done;
    }
}
