namespace Reconciler.Drivers;

/// <summary>What a driver found out about the machine: whether it can run tasks here, and facts for constraints.</summary>
public sealed record DriverFingerprint
{
    /// <summary>What the driver needs was found (a Docker engine answers; a JRE is on PATH).</summary>
    public bool Detected { get; init; }

    /// <summary>The driver can start tasks now.</summary>
    public bool Healthy { get; init; }

    /// <summary>Why the driver is undetected or unhealthy, or a short note when healthy.</summary>
    public string HealthDescription { get; init; } = "";

    /// <summary>Node attributes, e.g. <c>driver.docker.version</c> = <c>20.10.24</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>A healthy driver with its attributes.</summary>
    public static DriverFingerprint Available(string description, IReadOnlyDictionary<string, string> attributes) =>
        new() { Detected = true, Healthy = true, HealthDescription = description, Attributes = attributes };

    /// <summary>A driver whose requirements were not found.</summary>
    public static DriverFingerprint Undetected(string reason) => new() { HealthDescription = reason };

    /// <summary>A driver that was found but cannot start tasks now.</summary>
    public static DriverFingerprint Unhealthy(string reason, IReadOnlyDictionary<string, string>? attributes = null) =>
        new() { Detected = true, HealthDescription = reason, Attributes = attributes ?? new Dictionary<string, string>() };
}
