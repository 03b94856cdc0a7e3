using Reconciler.Host.Api.Contracts;
using Reconciler.Store;

namespace Reconciler.Host.Api.Apply;

/// <summary>Every decision of one apply, as data; <see cref="ToTransaction"/> turns them into one atomic store write.</summary>
/// <param name="Changes">The decisions, in the order they apply: namespaces first, prunes last.</param>
public sealed record ApplyPlan(IReadOnlyList<PlannedChange> Changes)
{
    /// <summary>True when at least one decision writes.</summary>
    public bool WritesAnything => Changes.Any(c => c.Writes);

    /// <summary>
    /// The writes, each expecting the revision the plan read, so a concurrent change makes the whole apply a conflict.
    /// A pruned object with finalizers is marked with a deletion timestamp instead of removed (the finalizer protocol).
    /// </summary>
    public StoreTransaction ToTransaction(TimeProvider time)
    {
        var transaction = new StoreTransaction();
        foreach (var change in Changes)
        {
            var expected = change.Existing?.Metadata.ResourceVersion ?? 0;
            switch (change.Action)
            {
                case ChangeActions.Created or ChangeActions.Configured:
                    transaction.Put(change.Desired!, expected);
                    break;
                case ChangeActions.Pruned when change.Existing!.Metadata.Finalizers.Count == 0:
                    transaction.Delete(change.Key, expected);
                    break;
                case ChangeActions.Pruned when change.Existing.Metadata.DeletionTimestamp is null:
                    transaction.Put(change.Existing.WithMetadata(change.Existing.Metadata with { DeletionTimestamp = time.GetUtcNow() }), expected);
                    break;
            }
        }
        return transaction;
    }
}
