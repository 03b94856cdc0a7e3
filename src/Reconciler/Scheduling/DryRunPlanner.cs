using System.Text.Json;

using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.State;
using Reconciler.Store;

namespace Reconciler.Scheduling;

/// <summary>
/// <c>job plan</c>: runs the scheduler for a proposed job on the current cluster snapshot and returns the plan —
/// placements, stops, updates, preemptions and placement failures — without committing anything.
/// </summary>
public sealed class DryRunPlanner(IResourceStore store, ClusterStateTracker tracker, Scheduler scheduler, TimeProvider time)
{
    /// <summary>What running <paramref name="proposed"/> would do now.</summary>
    public async Task<Plan> PlanAsync(Job proposed, CancellationToken cancellationToken = default)
    {
        var stored = await store.GetAsync(proposed.Key, cancellationToken).ConfigureAwait(false) as Job;
        var version = stored is null ? 1 : stored.Metadata.Generation + (SameSpec(stored.Spec, proposed.Spec) ? 0 : 1);
        var job = proposed with { Metadata = proposed.Metadata with { Generation = version } };
        return scheduler.Schedule(new SchedulerState(proposed.Key, job, tracker.Current, time.GetUtcNow()));
    }

    private static bool SameSpec(JobSpec a, JobSpec b) =>
        JsonSerializer.SerializeToUtf8Bytes(a, ResourceJson.Options).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b, ResourceJson.Options));
}
