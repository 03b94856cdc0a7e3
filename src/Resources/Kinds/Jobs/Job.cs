using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// A workload: groups of tasks to run, placed and updated by the scheduler. Its version is
/// <c>metadata.generation</c>, which the store bumps on every spec change.
/// </summary>
[Kind("Job")]
public sealed record Job : Resource<JobSpec, JobStatus>
{
    /// <summary>The job is stopped (<c>spec.stop</c>) or being deleted: none of its allocations should run.</summary>
    public bool IsStopped() => Spec.Stop == true || Metadata.DeletionTimestamp is not null;
}
