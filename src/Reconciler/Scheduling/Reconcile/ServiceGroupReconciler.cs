using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Reschedule;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>
/// Sorts a service or batch group's allocations into buckets: lost ones (node down) and migrating ones (drain)
/// are replaced, extra ones stopped from the highest index down, outdated ones updated in place when the group's
/// digest is unchanged and replaced otherwise (update.maxParallel at a time), missing indexes placed. A failed
/// allocation keeps its index under the group's reschedule policy: replaced once its delay has passed, waiting in
/// <see cref="AllocationBuckets.RescheduleLater"/> until then, and left failed once its attempts are used up —
/// unless it ran an older job version, which the new version replaces at once. Batch allocations that completed count as done.
/// </summary>
public static class ServiceGroupReconciler
{
    /// <summary>The buckets of <paramref name="spec"/> given its existing <paramref name="allocations"/> and the cluster's <paramref name="nodes"/> at <paramref name="now"/>.</summary>
    public static AllocationBuckets Reconcile(GroupSpec spec, IReadOnlyCollection<AllocationRecord> allocations, IReadOnlyDictionary<string, Node> nodes, DateTimeOffset now)
    {
        var buckets = new AllocationBuckets(spec.Name);
        // Under a deployment an index may hold an old allocation and its new-version replacement (a canary or a
        // surge); the new one holds the index and the old one waits in `paired` for the rollout to stop it.
        var live = allocations.Where(a => !a.IsTerminal).OrderBy(a => a.Index)
            .ThenBy(a => spec.Rollout is not null && a.JobVersion == spec.JobVersion ? 0 : 1).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        if (spec.Group is null)
        {
            foreach (var a in live) buckets.StopFor(a, spec.JobStopped ? StopReasons.JobStopped : StopReasons.GroupRemoved);
            return buckets;
        }

        var keep = new List<AllocationRecord>();
        var lost = new List<AllocationRecord>();
        var migrate = new List<AllocationRecord>();
        var paired = new List<(AllocationRecord Old, AllocationRecord New)>();
        var holders = new Dictionary<int, AllocationRecord>();
        foreach (var a in live)
        {
            if (holders.TryGetValue(a.Index, out var holder))
            {
                if (spec.Rollout is not null && holder.JobVersion == spec.JobVersion && a.JobVersion != spec.JobVersion) paired.Add((a, holder));
                else buckets.StopFor(a, StopReasons.Duplicate);
            }
            else if (!nodes.TryGetValue(a.Node, out var node) || node.Status.State == NodeState.Down) lost.Add(a);
            else if (a.Migrate) migrate.Add(a);
            else keep.Add(a);
            holders.TryAdd(a.Index, a);
        }
        var seen = holders.Keys.ToHashSet();
        var done = spec.JobType == JobType.Batch
            ? allocations.Where(a => a.DesiredStatus == AllocationDesiredStatus.Run && a.ClientStatus == AllocationClientStatus.Complete && !seen.Contains(a.Index)).DistinctBy(a => a.Index).ToList()
            : [];

        ScaleDown(buckets, spec.Group.Count - done.Count, keep, lost, migrate);
        if (spec.Rollout is { } rollout) RolloutUpdate.Sort(buckets, spec, rollout, keep, paired);
        else Update(buckets, spec, keep);
        foreach (var a in lost)
        {
            buckets.Lost.Add(a);
            buckets.StopFor(a, StopReasons.Lost, lost: true);
            buckets.Place.Add(new PlacementRequest(spec.Name, a.Index, a, IsReplacement: true));
        }
        foreach (var a in migrate)
        {
            buckets.Migrate.Add(a);
            buckets.StopFor(a, StopReasons.Migrated);
            buckets.Place.Add(new PlacementRequest(spec.Name, a.Index, a, IsReplacement: true));
        }
        PlaceMissing(buckets, spec, allocations, [.. keep, .. lost, .. migrate, .. done], now);
        return buckets;
    }

    // Stops the allocations beyond the count: kept ones from the highest index, then lost and migrating ones
    // (which are then stopped without a replacement).
    private static void ScaleDown(AllocationBuckets buckets, int count, List<AllocationRecord> keep, List<AllocationRecord> lost, List<AllocationRecord> migrate)
    {
        var excess = keep.Count + lost.Count + migrate.Count - Math.Max(0, count);
        foreach (var list in new[] { keep, lost, migrate })
        {
            while (excess > 0 && list.Count > 0)
            {
                var highest = list.MaxBy(a => a.Index)!;
                list.Remove(highest);
                buckets.StopFor(highest, StopReasons.ScaledDown, lost: ReferenceEquals(list, lost));
                excess--;
            }
        }
    }

    private static void Update(AllocationBuckets buckets, GroupSpec spec, List<AllocationRecord> keep)
    {
        var budget = spec.MaxParallel;
        foreach (var a in keep.ToList())
        {
            if (a.JobVersion == spec.JobVersion) buckets.Ignore.Add(a);
            else if (a.GroupDigest == spec.Digest) buckets.InPlaceUpdate.Add(a);
            else if (budget-- > 0)
            {
                buckets.DestructiveUpdate.Add(a);
                buckets.StopFor(a, StopReasons.Updated);
                buckets.Place.Add(new PlacementRequest(spec.Name, a.Index, a, IsReplacement: true));
            }
            else buckets.Ignore.Add(a);
        }
    }

    private static void PlaceMissing(AllocationBuckets buckets, GroupSpec spec, IReadOnlyCollection<AllocationRecord> allocations, List<AllocationRecord> occupying, DateTimeOffset now)
    {
        var missing = spec.Group!.Count - occupying.Count;
        if (missing <= 0) return;
        var used = occupying.Select(a => a.Index).ToHashSet();
        var replaced = allocations.Where(a => a.PreviousAllocation is not null).Select(a => a.PreviousAllocation!).ToHashSet(StringComparer.Ordinal);
        var failed = allocations
            .Where(a => a.DesiredStatus == AllocationDesiredStatus.Run && a.ClientStatus == AllocationClientStatus.Failed && !replaced.Contains(a.Id))
            .GroupBy(a => a.Index).ToDictionary(g => g.Key, g => g.First());
        var policy = JobDefaults.RescheduleOf(spec.Group.Reschedule, spec.JobType);
        for (var index = 0; missing > 0; index++)
        {
            if (used.Contains(index)) continue;
            missing--;
            if (failed.GetValueOrDefault(index) is not { } previous)
            {
                buckets.Place.Add(new PlacementRequest(spec.Name, index));
                continue;
            }
            // A new job version is a fresh start (likely the fix): its allocation replaces the failed one at once.
            var decision = policy is null || previous.JobVersion != spec.JobVersion ? null : RescheduleDecision.For(previous, policy, now);
            if (decision is null || decision.IsDue(now)) buckets.Place.Add(new PlacementRequest(spec.Name, index, previous) { RescheduleEvents = decision?.History });
            else if (decision.IsExhausted) buckets.Ignore.Add(previous);
            else buckets.RescheduleLater.Add(new DelayedReschedule(previous, decision.DueAt!.Value));
        }
    }
}
