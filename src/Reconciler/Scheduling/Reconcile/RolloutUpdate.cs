using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>
/// The update step of a service group under a deployment. Allocations of the new version that are not yet healthy
/// are in flight, and no more than maxParallel (or maxSurge) are. While canaries await promotion they are placed
/// beside the old allocations, which stay untouched. With maxSurge the replacement is placed first and the old
/// allocation stops only once the replacement is healthy (create before destroy); otherwise the old allocation
/// stops as its replacement is placed. A deployment that is not running (paused, failed, cancelled) replaces nothing.
/// </summary>
public static class RolloutUpdate
{
    /// <summary>
    /// Sorts the kept allocations (one per index, the new version holding an index first) and the old allocations
    /// <paramref name="paired"/> with the new-version allocation that shares their index.
    /// </summary>
    public static void Sort(AllocationBuckets buckets, GroupSpec spec, GroupRollout rollout, List<AllocationRecord> keep, List<(AllocationRecord Old, AllocationRecord New)> paired)
    {
        foreach (var (old, replacement) in paired)
        {
            if (replacement.Healthy == true && !(replacement.Canary && !rollout.Promoted))
            {
                buckets.DestructiveUpdate.Add(old);
                buckets.StopFor(old, StopReasons.Updated);
            }
            else buckets.Ignore.Add(old);
        }

        var outdated = new List<AllocationRecord>();
        foreach (var a in keep)
        {
            if (a.JobVersion == spec.JobVersion) buckets.Ignore.Add(a);
            else if (a.GroupDigest == spec.Digest) buckets.InPlaceUpdate.Add(a);
            else outdated.Add(a);
        }
        var mine = keep.Concat(paired.Select(p => p.New)).Where(a => a.JobVersion == spec.JobVersion && a.DeploymentId == rollout.DeploymentId).ToList();
        var budget = !rollout.Active ? 0
            : rollout.AwaitingPromotion ? rollout.Canaries - mine.Count(a => a.Canary)
            : (rollout.MaxSurge > 0 ? rollout.MaxSurge : rollout.MaxParallel) - mine.Count(a => a.Healthy != true);
        foreach (var a in outdated)
        {
            if (budget-- <= 0) buckets.Ignore.Add(a);
            else if (rollout.AwaitingPromotion || rollout.MaxSurge > 0)
            {
                buckets.Ignore.Add(a);
                buckets.Place.Add(new PlacementRequest(spec.Name, a.Index, a) { Canary = rollout.AwaitingPromotion });
            }
            else
            {
                buckets.DestructiveUpdate.Add(a);
                buckets.StopFor(a, StopReasons.Updated);
                buckets.Place.Add(new PlacementRequest(spec.Name, a.Index, a, IsReplacement: true));
            }
        }
    }
}
