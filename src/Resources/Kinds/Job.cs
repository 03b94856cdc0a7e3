using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A workload: groups of tasks to run, placed and updated by the scheduler.</summary>
[Kind("Job")]
public sealed record Job : Resource<JobSpec, ResourceStatus>;

/// <summary>The desired state of a Job.</summary>
public sealed record JobSpec;
