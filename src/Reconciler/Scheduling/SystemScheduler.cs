using Reconciler.Scheduling.Placement;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.Reconcile;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling;

/// <summary>
/// The system and sysbatch scheduler: one allocation of every group on every schedulable node in the job's
/// datacenters. A node the group's constraints, drivers or volumes rule out is skipped without a failure; a node
/// lacking room is a failure (after trying preemption), reported like any other.
/// </summary>
public sealed class SystemScheduler(SchedulerOptions options)
{
    /// <summary>The plan for <paramref name="state"/>.</summary>
    public Plan Schedule(SchedulerState state)
    {
        var random = options.Seed is { } seed ? new Random(seed) : new Random();
        var builder = new PlanBuilder(state, options);
        var nodes = state.JobStopped ? [] : SchedulableNodes.Of(state.Cluster.Nodes, state.Job!.Spec.Datacenters);
        var work = new List<(GroupSpec Spec, AllocationBuckets Buckets)>();
        foreach (var (spec, allocations) in GroupSpecs.Of(state))
        {
            var buckets = SystemGroupReconciler.Reconcile(spec, allocations, state.Cluster.Nodes, nodes);
            builder.Record(buckets);
            work.Add((spec, buckets));
        }
        if (state.JobStopped) return builder.Build();

        var job = state.Job!;
        var jobKey = JobKeys.Of(state.JobKey.Namespace, state.JobKey.Name);
        foreach (var (spec, buckets) in work)
        {
            if (spec.Group is not { } group || buckets.Place.Count == 0) continue;
            var presence = new GroupPresence(state.Cluster.Nodes);
            foreach (var a in buckets.Staying) presence.Add(a.Node);
            var stack = new PlacementStack(group, job.Spec.Type, job.Spec.Priority, jobKey, nodes.Count, builder.Usage, presence, options, random);
            foreach (var request in buckets.Place)
            {
                var tally = new PlacementFailureTally();
                if (stack.SelectOn(state.Cluster.Nodes[request.Node!], tally) is { } choice)
                {
                    builder.Place(request, group, choice, stack.Ask, spec.Digest!);
                    presence.Add(choice.Node.Metadata.Name);
                }
                else if (tally.LastWasExhausted) builder.Fail(group.Name, tally.ToFailure(""));
            }
        }
        return builder.Build();
    }
}
