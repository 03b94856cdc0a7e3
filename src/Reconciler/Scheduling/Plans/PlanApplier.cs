using Reconciler.Clients;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.State;
using Reconciler.Store;

namespace Reconciler.Scheduling.Plans;

/// <summary>
/// Commits plans, one at a time: re-checks node fit against the current cluster state (<see cref="PlanVerifier"/>),
/// drops the placements and evictions on nodes that no longer fit, and writes the rest in one store transaction
/// with optimistic concurrency — new allocations must not exist, changed ones must be at the revision just read.
/// A conflict (a client wrote an allocation meanwhile) is retried on fresh reads.
/// </summary>
public sealed class PlanApplier(IResourceStore store, ClusterStateTracker tracker) : IPlanCommitter
{
    private const int ConflictRetries = 10;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async Task<PlanResult> ApplyAsync(Plan plan, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var rejected = PlanVerifier.RejectedNodes(plan, tracker.Current);
                var placements = plan.Placements.Where(p => !rejected.Contains(p.Spec.Node)).ToList();
                var transaction = new StoreTransaction();
                foreach (var placement in placements) transaction.Put(placement, expectedRevision: 0);
                await AddChangesAsync(transaction, plan, rejected, cancellationToken).ConfigureAwait(false);
                if (transaction.Operations.Count == 0) return new PlanResult(store.Revision, [], rejected);
                try
                {
                    var committed = await store.CommitAsync(transaction, cancellationToken).ConfigureAwait(false);
                    var written = committed.Written.OfType<Allocation>().ToList();
                    tracker.Observe([.. written.Select(AllocationRecord.From)]);
                    var placed = placements.Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
                    return new PlanResult(committed.Revision, [.. written.Where(a => placed.Contains(a.Metadata.Name))], rejected);
                }
                catch (ConflictException) when (attempt < ConflictRetries)
                {
                    await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task AddChangesAsync(StoreTransaction transaction, Plan plan, IReadOnlySet<string> rejected, CancellationToken cancellationToken)
    {
        foreach (var stop in plan.Stops.Concat(plan.Preemptions.Where(p => !rejected.Contains(p.Allocation.Node))))
        {
            if (await ReadAsync(stop.Allocation, cancellationToken).ConfigureAwait(false) is not { } current) continue;
            var changed = current with
            {
                Spec = current.Spec with { DesiredStatus = stop.DesiredStatus, DesiredDescription = stop.Description, PreemptedBy = stop.PreemptedBy ?? current.Spec.PreemptedBy },
                Status = stop.Lost ? current.Status with { ClientStatus = AllocationClientStatus.Lost, ClientDescription = "node is down" } : current.Status,
            };
            transaction.Put(changed, current.Metadata.ResourceVersion);
        }
        foreach (var update in plan.InPlaceUpdates)
        {
            if (await ReadAsync(update.Allocation, cancellationToken).ConfigureAwait(false) is not { } current) continue;
            transaction.Put(current with { Spec = current.Spec with { JobVersion = update.JobVersion, Priority = update.Priority } }, current.Metadata.ResourceVersion);
        }
    }

    private async Task<Allocation?> ReadAsync(AllocationRecord record, CancellationToken cancellationToken) =>
        await store.GetAsync(new ResourceKey("Allocation", record.Namespace, record.Id), cancellationToken).ConfigureAwait(false) as Allocation;
}
