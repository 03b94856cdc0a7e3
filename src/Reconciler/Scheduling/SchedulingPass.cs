using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Placement;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.Reconcile;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling;

/// <summary>
/// What both schedulers do around their own placement loop: reconcile every group into buckets and record the
/// stops and in-place updates first (freeing room), then set up each group that has something to place.
/// </summary>
public sealed class SchedulingPass
{
    private readonly SchedulerState _state;
    private readonly SchedulerOptions _options;
    private readonly List<(GroupSpec Spec, AllocationBuckets Buckets)> _work = [];

    /// <summary>Reconciles every group of <paramref name="state"/> with <paramref name="reconcile"/> and records its stops.</summary>
    public SchedulingPass(SchedulerState state, SchedulerOptions options, Func<GroupSpec, IReadOnlyCollection<AllocationRecord>, AllocationBuckets> reconcile)
    {
        _state = state;
        _options = options;
        Random = options.Seed is { } seed ? new Random(seed) : new Random();
        Builder = new PlanBuilder(state, options);
        foreach (var (spec, allocations) in GroupSpecs.Of(state))
        {
            var buckets = reconcile(spec, allocations);
            Builder.Record(buckets);
            _work.Add((spec, buckets));
        }
    }

    /// <summary>The randomness of this pass (node shuffle, dynamic ports).</summary>
    public Random Random { get; }

    /// <summary>The plan so far.</summary>
    public PlanBuilder Builder { get; }

    /// <summary>
    /// The groups with allocations to place, each with its placement stack over <paramref name="candidateNodes"/>
    /// nodes and its presence (the allocations that stay), which the caller keeps up to date as it places.
    /// </summary>
    public IEnumerable<(GroupSpec Spec, TaskGroup Group, AllocationBuckets Buckets, PlacementStack Stack, GroupPresence Presence)> GroupsToPlace(int candidateNodes)
    {
        var job = _state.Job!;
        var jobKey = JobKeys.Of(_state.JobKey.Namespace, _state.JobKey.Name);
        foreach (var (spec, buckets) in _work)
        {
            if (spec.Group is not { } group || buckets.Place.Count == 0) continue;
            var presence = new GroupPresence(_state.Cluster.Nodes);
            foreach (var a in buckets.Staying) presence.Add(a.Node);
            var stack = new PlacementStack(group, job.Spec.Type, job.Spec.Priority, jobKey, candidateNodes, Builder.Usage, presence, _options, Random);
            yield return (spec, group, buckets, stack, presence);
        }
    }
}
