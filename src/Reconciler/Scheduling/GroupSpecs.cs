using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Reconcile;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling;

/// <summary>The groups one pass reconciles: those of the job, and those only existing allocations still name.</summary>
public static class GroupSpecs
{
    /// <summary>Every group of <paramref name="state"/> with its existing allocations.</summary>
    public static IEnumerable<(GroupSpec Spec, IReadOnlyCollection<AllocationRecord> Allocations)> Of(SchedulerState state)
    {
        var byGroup = state.JobAllocations.GroupBy(a => a.Group, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<AllocationRecord>)[.. g], StringComparer.Ordinal);
        var job = state.JobStopped ? null : state.Job;
        var type = state.Job?.Spec.Type ?? JobType.Service;
        var version = state.Job?.Metadata.Generation ?? 0;
        var groups = job?.Spec.Groups ?? [];
        foreach (var group in groups)
            yield return (new GroupSpec(group.Name, group, type, version, GroupDigest.Of(group), false) { Rollout = RolloutOf(state, group) }, byGroup.GetValueOrDefault(group.Name) ?? []);
        foreach (var (name, allocations) in byGroup)
            if (!groups.Any(g => g.Name == name))
                yield return (new GroupSpec(name, null, type, version, null, job is null), allocations);
    }

    // Only a deployment of the version being scheduled paces it; an older one's limits no longer apply.
    private static GroupRollout? RolloutOf(SchedulerState state, TaskGroup group)
    {
        if (state.Deployment is not { } deployment || deployment.Spec.JobVersion != state.Job?.Metadata.Generation || group.Update is not { } update) return null;
        var progress = deployment.Status.Groups.GetValueOrDefault(group.Name);
        return new GroupRollout(
            deployment.Metadata.Name,
            deployment.Status.State == DeploymentState.Running,
            update.MaxParallel is { } parallel and > 0 ? parallel : int.MaxValue,
            update.MaxSurge ?? 0,
            progress?.DesiredCanaries ?? 0,
            progress?.Promoted ?? false);
    }
}
