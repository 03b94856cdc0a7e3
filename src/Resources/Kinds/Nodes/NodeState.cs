namespace Reconciler.Resources.Kinds;

/// <summary>The liveness of a node, as the node controller sees it.</summary>
public enum NodeState
{
    /// <summary>Registered, not yet ready to run work.</summary>
    Initializing,
    /// <summary>Heartbeating and able to run allocations.</summary>
    Ready,
    /// <summary>Missed its heartbeats; its allocations are lost.</summary>
    Down,
}
