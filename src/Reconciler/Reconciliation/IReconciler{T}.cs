using Reconciler.Resources.Model;

namespace Reconciler.Reconciliation;

/// <summary>
/// Converges one object of kind <typeparamref name="T"/> toward its spec. Level-triggered: the runtime
/// calls it with the latest cached state of a key, never with the event that caused the call, so an
/// implementation must be idempotent and read everything it needs from the object and the context.
/// </summary>
/// <typeparam name="T">The resource kind this reconciler owns.</typeparam>
public interface IReconciler<in T> where T : Resource
{
    /// <summary>
    /// Brings the world in line with <paramref name="resource"/>. Return <see cref="ReconcileResult.Done"/>
    /// when converged, <see cref="ReconcileResult.RequeueAfter"/> to look again later, or
    /// <see cref="ReconcileResult.Fail(string)"/> to retry with backoff; a thrown exception counts as a failure.
    /// </summary>
    Task<ReconcileResult> ReconcileAsync(T resource, ReconcileContext context, CancellationToken cancellationToken);
}
