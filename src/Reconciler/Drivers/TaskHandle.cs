using System.Text.Json.Nodes;

namespace Reconciler.Drivers;

/// <summary>
/// What the agent persists about a started task so a later driver instance can re-attach to it
/// with <see cref="ITaskDriver.RecoverAsync"/>: the task's configuration and the driver's own
/// state (a container id; a pid with its start time).
/// </summary>
public sealed record TaskHandle
{
    /// <summary>The driver that started the task.</summary>
    public required string Driver { get; init; }

    /// <summary>The task as it was started.</summary>
    public required TaskConfiguration Task { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Driver-specific state, opaque to the engine.</summary>
    public JsonObject State { get; init; } = [];
}
