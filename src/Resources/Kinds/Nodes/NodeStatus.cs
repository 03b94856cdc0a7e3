using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>The observed state of a <see cref="Node"/>.</summary>
public sealed record NodeStatus : ResourceStatus
{
    /// <summary>Whether the node is up.</summary>
    public NodeState State { get; init; } = NodeState.Initializing;

    /// <summary>Why the node is in its state, for people.</summary>
    public string? Description { get; init; }

    /// <summary>When the client last reported in.</summary>
    public DateTimeOffset? LastHeartbeat { get; init; }

    /// <summary>
    /// Where the node's client agent serves its allocations' logs, exec and restart (e.g. <c>http://10.0.0.5:4646</c>),
    /// as it reported when it last heartbeated; servers forward those requests there. Null until the agent listens.
    /// </summary>
    public string? HttpAddress { get; init; }

    /// <summary>
    /// The node's schedulability (state, eligibility, drain) the node controller last created evaluations for,
    /// so it creates them once per change rather than once per heartbeat.
    /// </summary>
    public string? EvaluatedSchedulability { get; init; }
}
