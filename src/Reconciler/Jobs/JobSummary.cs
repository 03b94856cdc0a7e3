using Reconciler.Resources.Kinds;

namespace Reconciler.Jobs;

/// <summary>Computes a job's status — pending, running or dead — and its per-group summary from its allocations.</summary>
public static class JobSummary
{
    /// <summary>The summary of <paramref name="job"/> given its <paramref name="allocations"/> and the latest evaluation's queued counts.</summary>
    public static (JobState State, IReadOnlyDictionary<string, GroupSummary> Groups) Of(
        Job job, IReadOnlyCollection<Allocation> allocations, IReadOnlyDictionary<string, int> queued)
    {
        var names = job.Spec.Groups.Select(g => g.Name).Concat(allocations.Select(a => a.Spec.Group)).Distinct(StringComparer.Ordinal);
        var groups = names.ToDictionary(name => name, name =>
        {
            var of = allocations.Where(a => a.Spec.Group == name).ToList();
            return new GroupSummary
            {
                Queued = queued.GetValueOrDefault(name),
                Starting = of.Count(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run && a.Status.ClientStatus == AllocationClientStatus.Pending),
                Running = of.Count(a => a.Status.ClientStatus == AllocationClientStatus.Running),
                Failed = of.Count(a => a.Status.ClientStatus == AllocationClientStatus.Failed),
                Complete = of.Count(a => a.Status.ClientStatus == AllocationClientStatus.Complete),
                Lost = of.Count(a => a.Status.ClientStatus == AllocationClientStatus.Lost),
            };
        }, StringComparer.Ordinal);
        var live = allocations.Any(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run && a.Status.ClientStatus is AllocationClientStatus.Pending or AllocationClientStatus.Running);
        var deleted = job.Metadata.DeletionTimestamp is not null;
        var finished = job.Spec.Type is JobType.Batch or JobType.Sysbatch && allocations.Count > 0 && !live && queued.Values.Sum() == 0;
        // As Nomad's, a job marked stopped is dead at once; a deleted one only once nothing of it runs.
        var state = job.Spec.Stop == true || (deleted && !live) || finished ? JobState.Dead
            : allocations.Any(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run && a.Status.ClientStatus == AllocationClientStatus.Running) ? JobState.Running
            : JobState.Pending;
        return (state, groups);
    }
}
