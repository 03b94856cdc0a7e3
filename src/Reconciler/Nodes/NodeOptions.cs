namespace Reconciler.Nodes;

/// <summary>How the node controller judges liveness.</summary>
public sealed record NodeOptions
{
    /// <summary>A node that has not heartbeated for this long is marked down (Nomad's heartbeat TTL); default 30 seconds.</summary>
    public TimeSpan HeartbeatTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a drain looks again whether migrated allocations run elsewhere; default 5 seconds.</summary>
    public TimeSpan DrainCheckInterval { get; init; } = TimeSpan.FromSeconds(5);
}
