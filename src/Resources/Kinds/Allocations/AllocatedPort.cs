namespace Reconciler.Resources.Kinds;

/// <summary>The host port assigned to one port label.</summary>
public sealed record AllocatedPort
{
    /// <summary>The label from the group's network.</summary>
    public string Label { get; init; } = "";

    /// <summary>The host port.</summary>
    public int Value { get; init; }

    /// <summary>The port inside the task's network namespace, when mapped.</summary>
    public int? To { get; init; }

    /// <summary>The host address the port is bound on.</summary>
    public string? HostIp { get; init; }
}
