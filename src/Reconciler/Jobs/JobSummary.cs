using Reconciler.Resources.Kinds;

namespace Reconciler.Jobs;

/// <summary>
/// Computes a job's status — pending, running or dead — and its per-group summary from its allocations. As Nomad
/// decides it: a job with allocations, none of them live, nothing queued and no evaluation still to run is dead —
/// a batch job that finished, or a service job whose failed allocations have no reschedule attempt left.
/// </summary>
public static class JobSummary
{
    /// <summary>
    /// The summary of <paramref name="job"/> given its <paramref name="allocations"/>, the latest evaluation's queued counts and
    /// whether an evaluation of it is still to run (<paramref name="evaluating"/>: pending, blocked or waiting for a reschedule delay).
    /// </summary>
    public static (JobState State, IReadOnlyDictionary<string, GroupSummary> Groups) Of(
        Job job, IReadOnlyCollection<Allocation> allocations, IReadOnlyDictionary<string, int> queued, bool evaluating)
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
        var finished = allocations.Count > 0 && !live && queued.Values.Sum() == 0 && !evaluating;
        // As Nomad's, a job marked stopped is dead at once; a deleted one only once nothing of it runs.
        var state = job.Spec.Stop == true || (deleted && !live) || finished ? JobState.Dead
            : allocations.Any(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run && a.Status.ClientStatus == AllocationClientStatus.Running) ? JobState.Running
            : JobState.Pending;
        return (state, groups);
    }
}
