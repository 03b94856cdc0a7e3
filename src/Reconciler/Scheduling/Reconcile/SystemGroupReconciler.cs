using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>
/// Sorts a system or sysbatch group's allocations per node: one allocation on every schedulable node, lost ones
/// on down nodes stopped, ones on draining nodes migrated away (stopped) unless the drain spares system jobs,
/// outdated ones updated in place or replaced on the same node (under a deployment, maxParallel replacements in flight
/// at a time). A sysbatch allocation that completed counts as done.
/// </summary>
public static class SystemGroupReconciler
{
    /// <summary>The buckets of <paramref name="spec"/> over <paramref name="schedulable"/> nodes, given the cluster's <paramref name="nodes"/>.</summary>
    public static AllocationBuckets Reconcile(
        GroupSpec spec, IReadOnlyCollection<AllocationRecord> allocations, IReadOnlyDictionary<string, Node> nodes, IReadOnlyCollection<Node> schedulable)
    {
        var buckets = new AllocationBuckets(spec.Name);
        var live = allocations.Where(a => !a.IsTerminal).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        if (spec.Group is null)
        {
            foreach (var a in live) buckets.StopFor(a, spec.JobStopped ? StopReasons.JobStopped : StopReasons.GroupRemoved);
            return buckets;
        }

        var covered = new HashSet<string>(StringComparer.Ordinal);
        var budget = spec.Rollout is { } rollout ? RolloutBudget(rollout, spec, live) : spec.MaxParallel;
        foreach (var a in live)
        {
            nodes.TryGetValue(a.Node, out var node);
            if (!covered.Add(a.Node)) buckets.StopFor(a, StopReasons.Duplicate);
            else if (node is null || node.Status.State == NodeState.Down)
            {
                buckets.Lost.Add(a);
                buckets.StopFor(a, StopReasons.Lost, lost: true);
            }
            else if (node.Spec.Drain is { IgnoreSystemJobs: false })
            {
                buckets.Migrate.Add(a);
                buckets.StopFor(a, StopReasons.Migrated);
            }
            else if (a.JobVersion == spec.JobVersion) buckets.Ignore.Add(a);
            else if (a.GroupDigest == spec.Digest) buckets.InPlaceUpdate.Add(a);
            else if (budget-- > 0)
            {
                buckets.DestructiveUpdate.Add(a);
                buckets.StopFor(a, StopReasons.Updated);
                buckets.Place.Add(new PlacementRequest(spec.Name, 0, a, IsReplacement: true, Node: a.Node));
            }
            else buckets.Ignore.Add(a);
        }
        if (spec.JobType == JobType.Sysbatch)
            foreach (var a in allocations.Where(a => a.DesiredStatus == AllocationDesiredStatus.Run && a.ClientStatus == AllocationClientStatus.Complete && a.JobVersion == spec.JobVersion))
                covered.Add(a.Node);
        foreach (var node in schedulable)
            if (!covered.Contains(node.Metadata.Name))
                buckets.Place.Add(new PlacementRequest(spec.Name, 0, Node: node.Metadata.Name));
        return buckets;
    }

    // Under a deployment, replacements in flight (placed by it, not yet healthy) count against maxParallel across
    // evaluations, and a deployment that is not running replaces nothing.
    private static int RolloutBudget(GroupRollout rollout, GroupSpec spec, List<AllocationRecord> live) =>
        !rollout.Active ? 0 : rollout.MaxParallel - live.Count(a => a.JobVersion == spec.JobVersion && a.DeploymentId == rollout.DeploymentId && a.Healthy != true);
}
