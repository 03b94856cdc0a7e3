using Reconciler.Evaluations;
using Reconciler.Reconciliation;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.State;

namespace Reconciler.Nodes;

/// <summary>
/// The node controller: marks a node down when its heartbeats stop for longer than the TTL; when a node's
/// schedulability changes (up, down, eligibility, drain) it creates evaluations for the jobs with allocations
/// there and for every system job; it paces drains. Blocked evaluations of other jobs are released by
/// <see cref="BlockedEvaluations"/> when the cluster state sees the node usable, not here.
/// </summary>
public sealed class NodeReconciler(NodeOptions options, ClusterStateTracker tracker) : IReconciler<Node>
{
    /// <inheritdoc />
    public async Task<ReconcileResult> ReconcileAsync(Node resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var node = resource;
        if (node.Status.State != NodeState.Down && node.Status.LastHeartbeat is { } beat && now - beat >= options.HeartbeatTtl)
        {
            var down = node with { Status = node.Status with { State = NodeState.Down, Description = $"missed heartbeats for {options.HeartbeatTtl.TotalSeconds:0}s" } };
            var written = await context.UpdateStatusAsync(down, cancellationToken).ConfigureAwait(false);
            if (!written.Succeeded) return ReconcileResult.Done;
            node = written.Resource!;
        }

        var schedulability = $"{node.Status.State}/{node.Spec.SchedulingEligibility}/{(node.Spec.Drain is null ? "-" : "draining")}";
        if (node.Status.EvaluatedSchedulability != schedulability)
        {
            await CreateEvaluationsAsync(node, context, cancellationToken).ConfigureAwait(false);
            var written = await context.UpdateStatusAsync(node with { Status = node.Status with { EvaluatedSchedulability = schedulability } }, cancellationToken).ConfigureAwait(false);
            if (!written.Succeeded) return ReconcileResult.Done;
            node = written.Resource!;
        }

        var draining = node.Spec.Drain is not null && node.Status.State != NodeState.Down;
        if (draining) await new NodeDrainer(tracker).StepAsync(node, context, cancellationToken).ConfigureAwait(false);
        if (node.Status is not { State: not NodeState.Down, LastHeartbeat: { } last }) return ReconcileResult.Done;
        var untilDown = TimeSpan.FromTicks(Math.Max(0, (last + options.HeartbeatTtl - now).Ticks));
        // A drain waits on replacements running elsewhere, which do not touch this node: look again soon.
        return ReconcileResult.RequeueAfter(draining ? TimeSpan.FromTicks(Math.Min(untilDown.Ticks, options.DrainCheckInterval.Ticks)) : untilDown);
    }

    private static bool Placement(Node node) => Scheduling.Placement.SchedulableNodes.IsSchedulable(node);

    private async Task CreateEvaluationsAsync(Node node, ReconcileContext context, CancellationToken cancellationToken)
    {
        var name = node.Metadata.Name;
        var withAllocations = tracker.Current.On(name).Allocations.Select(a => a.JobKey).ToHashSet(StringComparer.Ordinal);
        var trigger = node.Spec.Drain is null ? EvaluationTrigger.NodeUpdate : EvaluationTrigger.NodeDrain;
        foreach (var job in context.Cache.List<Job>())
        {
            var system = job.Spec.Type is JobType.System or JobType.Sysbatch && Placement(node);
            if (!system && !withAllocations.Contains(JobKeys.Of(job.Metadata.Namespace, job.Metadata.Name))) continue;
            await context.Client.ApplyAsync(EvaluationFactory.For(job, trigger, name), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The key of <paramref name="record"/>'s allocation.</summary>
    internal static ResourceKey KeyOf(AllocationRecord record) => new("Allocation", record.Namespace, record.Id);
}
