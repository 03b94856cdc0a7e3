namespace Reconciler.Drivers.Docker;

/// <summary>How the docker driver reaches its engine.</summary>
public sealed record DockerDriverOptions
{
    /// <summary>The engine's endpoint (default the local socket).</summary>
    public Uri Endpoint { get; init; } = new("unix:///var/run/docker.sock");

    /// <summary>How long a fingerprint waits for the engine to answer.</summary>
    public TimeSpan FingerprintTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
