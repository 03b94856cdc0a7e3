using Reconciler.Scheduling.Placement;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.Reconcile;

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
        var nodes = state.JobStopped ? [] : SchedulableNodes.Of(state.Cluster.Nodes, state.Job!.Spec.Datacenters);
        var pass = new SchedulingPass(state, options, (spec, allocations) => SystemGroupReconciler.Reconcile(spec, allocations, state.Cluster.Nodes, nodes));
        if (state.JobStopped) return pass.Builder.Build();

        var builder = pass.Builder;
        foreach (var (spec, group, buckets, stack, presence) in pass.GroupsToPlace(nodes.Count))
        {
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
