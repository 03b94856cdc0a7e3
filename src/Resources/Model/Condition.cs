namespace Reconciler.Resources.Model;

/// <summary>One observation about an object, in the Kubernetes shape.</summary>
public sealed record Condition
{
    /// <summary>What the condition is about, e.g. Ready.</summary>
    public string Type { get; init; } = "";

    /// <summary>True, False or Unknown.</summary>
    public ConditionStatus Status { get; init; } = ConditionStatus.Unknown;

    /// <summary>A machine-readable CamelCase reason.</summary>
    public string Reason { get; init; } = "";

    /// <summary>A sentence for people.</summary>
    public string Message { get; init; } = "";

    /// <summary>When Status last changed.</summary>
    public DateTimeOffset LastTransitionTime { get; init; }
}

/// <summary>The value of a <see cref="Condition"/>.</summary>
public enum ConditionStatus
{
    /// <summary>Not known yet.</summary>
    Unknown,
    /// <summary>The condition holds.</summary>
    True,
    /// <summary>The condition does not hold.</summary>
    False,
}
