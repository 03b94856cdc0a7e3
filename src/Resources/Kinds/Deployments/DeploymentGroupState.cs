namespace Reconciler.Resources.Kinds;

/// <summary>The rollout progress of one task group.</summary>
public sealed record DeploymentGroupState
{
    /// <summary>Allocations the group should end with.</summary>
    public int Desired { get; init; }

    /// <summary>Canaries the update strategy asks for.</summary>
    public int DesiredCanaries { get; init; }

    /// <summary>The ids of canaries placed so far.</summary>
    public IReadOnlyList<string> PlacedCanaries { get; init; } = [];

    /// <summary>Allocations of the new version placed so far.</summary>
    public int Placed { get; init; }

    /// <summary>Of those, how many are healthy.</summary>
    public int Healthy { get; init; }

    /// <summary>Of those, how many are unhealthy.</summary>
    public int Unhealthy { get; init; }

    /// <summary>The canaries were promoted.</summary>
    public bool Promoted { get; init; }

    /// <summary>Canaries are promoted once healthy.</summary>
    public bool AutoPromote { get; init; }

    /// <summary>A failure rolls the job back to its last stable version.</summary>
    public bool AutoRevert { get; init; }

    /// <summary>The deployment fails unless an allocation turns healthy before this time.</summary>
    public DateTimeOffset? RequireProgressBy { get; init; }
}
