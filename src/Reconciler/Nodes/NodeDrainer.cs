using Reconciler.Evaluations;
using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.State;

namespace Reconciler.Nodes;

/// <summary>
/// Applies one <see cref="NodeDrainPlanner"/> step: marks allocations for migration and asks for an evaluation of
/// their jobs, or, once nothing is left to move, ends the drain leaving the node ineligible.
/// </summary>
public sealed class NodeDrainer(ClusterStateTracker tracker)
{
    /// <summary>Drains <paramref name="node"/> one step further.</summary>
    public async Task StepAsync(Node node, ReconcileContext context, CancellationToken cancellationToken)
    {
        var cluster = tracker.Current;
        var jobs = context.Cache.List<Job>().ToDictionary(j => JobKeys.Of(j.Metadata.Namespace, j.Metadata.Name), StringComparer.Ordinal);
        var step = NodeDrainPlanner.Plan(node, cluster, jobs, context.Time.GetUtcNow());
        if (step.Complete)
        {
            await context.Client.ApplyAsync(node with { Spec = node.Spec with { Drain = null, SchedulingEligibility = SchedulingEligibility.Ineligible } }, cancellationToken).ConfigureAwait(false);
            return;
        }
        foreach (var record in step.Migrate)
        {
            if (await context.Client.GetAsync<Allocation>(NodeReconciler.KeyOf(record), cancellationToken).ConfigureAwait(false) is not { } allocation) continue;
            var marked = await context.Store.PutAsync(allocation with { Spec = allocation.Spec with { Migrate = true } }, allocation.Metadata.ResourceVersion, cancellationToken).ConfigureAwait(false);
            tracker.Observe([AllocationRecord.From((Allocation)marked)]);
        }
        foreach (var jobKey in step.Migrate.Select(r => r.JobKey).Distinct(StringComparer.Ordinal))
            if (jobs.TryGetValue(jobKey, out var job))
                await context.Client.ApplyAsync(EvaluationFactory.For(job, EvaluationTrigger.NodeDrain, node.Metadata.Name), cancellationToken).ConfigureAwait(false);
    }
}
