namespace Reconciler.Resources.Kinds;

/// <summary>What a client found out about one task driver.</summary>
public sealed record NodeDriver
{
    /// <summary>The driver is present on the node.</summary>
    public bool Detected { get; init; }

    /// <summary>The driver can run tasks now.</summary>
    public bool Healthy { get; init; }

    /// <summary>Why the driver is unhealthy, for people.</summary>
    public string? HealthDescription { get; init; }

    /// <summary>Driver facts, e.g. its version.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
