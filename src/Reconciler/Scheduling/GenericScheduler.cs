using Reconciler.Scheduling.Placement;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.Reconcile;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling;

/// <summary>
/// The service and batch scheduler: reconcile every group into buckets, record the stops (freeing room), then
/// place each group's allocations through its placement stack over a shuffled rotation of schedulable nodes.
/// After a group's first failed placement the rest are counted against it rather than tried again.
/// </summary>
public sealed class GenericScheduler(SchedulerOptions options)
{
    /// <summary>The plan for <paramref name="state"/>.</summary>
    public Plan Schedule(SchedulerState state)
    {
        var random = options.Seed is { } seed ? new Random(seed) : new Random();
        var builder = new PlanBuilder(state, options);
        var work = new List<(GroupSpec Spec, AllocationBuckets Buckets)>();
        foreach (var (spec, allocations) in GroupSpecs.Of(state))
        {
            var buckets = ServiceGroupReconciler.Reconcile(spec, allocations, state.Cluster.Nodes);
            builder.Record(buckets);
            work.Add((spec, buckets));
        }
        if (state.JobStopped) return builder.Build();

        var job = state.Job!;
        var nodes = SchedulableNodes.Of(state.Cluster.Nodes, job.Spec.Datacenters);
        var rotation = new NodeRotation(nodes, random);
        var noNodes = $"no ready, eligible nodes in datacenters {string.Join(", ", job.Spec.Datacenters)}";
        var jobKey = JobKeys.Of(state.JobKey.Namespace, state.JobKey.Name);
        foreach (var (spec, buckets) in work)
        {
            if (spec.Group is not { } group || buckets.Place.Count == 0) continue;
            var presence = new GroupPresence(state.Cluster.Nodes);
            foreach (var a in buckets.Staying) presence.Add(a.Node);
            var stack = new PlacementStack(group, job.Spec.Type, job.Spec.Priority, jobKey, nodes.Count, builder.Usage, presence, options, random);
            foreach (var request in buckets.Place)
            {
                if (builder.FailureOf(group.Name) is { } failure)
                {
                    builder.Fail(group.Name, failure);
                    continue;
                }
                var tally = new PlacementFailureTally();
                if (stack.Select(rotation, tally) is { } choice)
                {
                    builder.Place(request, group, choice, stack.Ask, spec.Digest!);
                    presence.Add(choice.Node.Metadata.Name);
                }
                else builder.Fail(group.Name, tally.ToFailure(noNodes));
            }
        }
        return builder.Build();
    }
}
