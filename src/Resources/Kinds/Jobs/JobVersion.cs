using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>
/// One recorded version of a <see cref="Job"/>: the spec as it was at a generation, and whether a deployment of it
/// succeeded (stable). Named <c>job-vN</c> beside the job; the history is bounded, the oldest unstable versions go first.
/// </summary>
[Kind("JobVersion", System = true)]
public sealed record JobVersion : Resource<JobVersionSpec, ResourceStatus>;
