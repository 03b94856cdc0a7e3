using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling;

/// <summary>
/// Gives the scheduler the deployment that rolls out a job's current version, starting it when the version has
/// none yet. Registered by <c>AddDeployments()</c>; without it the scheduler paces updates by maxParallel per evaluation.
/// </summary>
public interface IDeploymentSource
{
    /// <summary>The deployment of <paramref name="job"/>'s current version, or null when the version is not rolled out by one.</summary>
    ValueTask<Deployment?> ForAsync(Job job, ClusterState cluster, CancellationToken cancellationToken);
}
