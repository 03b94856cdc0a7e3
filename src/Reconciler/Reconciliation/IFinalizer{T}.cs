using Reconciler.Resources.Model;

namespace Reconciler.Reconciliation;

/// <summary>
/// Clean-up that must happen before an object of kind <typeparamref name="T"/> goes away. A controller adds
/// the finalizer's name to every object it reconciles; once deletion is requested the runtime calls
/// <see cref="FinalizeAsync"/> and removes the name when it returns <see cref="ReconcileResult.Done"/>.
/// The object is deleted when no finalizer names remain.
/// </summary>
/// <typeparam name="T">The resource kind this finalizer cleans up after.</typeparam>
public interface IFinalizer<in T> where T : Resource
{
    /// <summary>Releases whatever <paramref name="resource"/> caused to exist; must be idempotent.</summary>
    Task<ReconcileResult> FinalizeAsync(T resource, ReconcileContext context, CancellationToken cancellationToken);
}
