namespace Reconciler.Resources.Kinds;

/// <summary>Where a rollout is.</summary>
public enum DeploymentState
{
    /// <summary>Placing and watching allocations.</summary>
    Running,
    /// <summary>Held by an operator.</summary>
    Paused,
    /// <summary>Allocations were unhealthy or progress stalled.</summary>
    Failed,
    /// <summary>Every group reached its desired healthy count.</summary>
    Successful,
    /// <summary>Superseded by a newer job version or stopped.</summary>
    Cancelled,
}
