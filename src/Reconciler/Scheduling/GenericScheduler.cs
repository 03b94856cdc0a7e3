using Reconciler.Scheduling.Placement;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.Reconcile;

namespace Reconciler.Scheduling;

/// <summary>
/// The service and batch scheduler: reconcile every group into buckets, record the stops (freeing room), then
/// place each group's allocations through its placement stack over a shuffled rotation of schedulable nodes.
/// After a group's first failed placement the rest are counted against it rather than tried again. A replacement
/// of a failed allocation avoids the node it failed on when another fits.
/// </summary>
public sealed class GenericScheduler(SchedulerOptions options)
{
    /// <summary>The plan for <paramref name="state"/>.</summary>
    public Plan Schedule(SchedulerState state)
    {
        var pass = new SchedulingPass(state, options, (spec, allocations) => ServiceGroupReconciler.Reconcile(spec, allocations, state.Cluster.Nodes, state.Now));
        if (state.JobStopped) return pass.Builder.Build();

        var job = state.Job!;
        var nodes = SchedulableNodes.Of(state.Cluster.Nodes, job.Spec.Datacenters);
        var rotation = new NodeRotation(nodes, pass.Random);
        var noNodes = $"no ready, eligible nodes in datacenters {string.Join(", ", job.Spec.Datacenters)}";
        var builder = pass.Builder;
        var tally = new PlacementFailureTally();
        foreach (var (spec, group, buckets, stack, presence) in pass.GroupsToPlace(nodes.Count))
        {
            foreach (var request in buckets.Place)
            {
                if (builder.FailureOf(group.Name) is { } failure)
                {
                    builder.Fail(group.Name, failure);
                    continue;
                }
                tally.Clear();
                if (stack.Select(rotation, tally, request.PenalizedNode) is { } choice)
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
