namespace Reconciler.Resources.Kinds;

/// <summary>An allocation's health as a deployment judges it.</summary>
public sealed record AllocationHealth
{
    /// <summary>True healthy, false unhealthy, null not decided yet.</summary>
    public bool? Healthy { get; init; }

    /// <summary>When health was decided.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The allocation is a canary of the deployment.</summary>
    public bool Canary { get; init; }
}
