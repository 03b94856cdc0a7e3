using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>The progress of a <see cref="Deployment"/>.</summary>
public sealed record DeploymentStatus : ResourceStatus
{
    /// <summary>Where the rollout is.</summary>
    public DeploymentState State { get; init; } = DeploymentState.Running;

    /// <summary>Why, for people, e.g. "Deployment completed successfully".</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Failed with autoRevert and the job not reverted yet. Set in the same write as the failure, cleared once the
    /// revert was made or refused, so a revert cut short (an error, a restart) is tried again, never lost.
    /// </summary>
    public bool RevertPending { get; init; }

    /// <summary>Progress per task group name.</summary>
    public IReadOnlyDictionary<string, DeploymentGroupState> Groups { get; init; } = new Dictionary<string, DeploymentGroupState>();
}
