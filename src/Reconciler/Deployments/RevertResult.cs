using Reconciler.Resources.Kinds;

namespace Reconciler.Deployments;

/// <summary>The outcome of <see cref="JobReverter.RevertAsync"/>: the job as registered again, or why not.</summary>
/// <param name="Job">The job with the old spec as its new version, when the revert was made.</param>
/// <param name="Error">Why the revert was refused, for people.</param>
public sealed record RevertResult(Job? Job, string? Error)
{
    /// <summary>The revert was made.</summary>
    public bool Succeeded => Job is not null;
}
