using Reconciler.Host.Tls;

namespace Reconciler.Host.Agent.Remote;

/// <summary>How a client-only agent reaches its servers' node-facing store API.</summary>
public sealed record RemoteStoreOptions
{
    /// <summary>The node this agent runs; the servers show it only what this node needs.</summary>
    public required string NodeName { get; init; }

    /// <summary>The agents' shared token (<c>acl.agent_token</c>), sent as <c>X-Recon-Token</c>; null sends none.</summary>
    public string? Token { get; init; }

    /// <summary>How https servers are checked and which certificate this agent presents to them (<c>[tls]</c>).</summary>
    public TlsClientSettings Tls { get; init; } = TlsClientSettings.Default;

    /// <summary>How long one request (not a watch) may take before it counts as failed; default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a failed request is retried (on the next server) before it fails; default 4.</summary>
    public int RequestRetries { get; init; } = 4;

    /// <summary>The first retry's delay; later ones double, with jitter; default 250 ms.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest delay between two attempts to reach the servers; default 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A watch that hears nothing for this long (servers send progress every 5 s) reconnects; default 20 seconds.</summary>
    public TimeSpan WatchSilence { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Leaves the token out.</summary>
    public override string ToString() => $"RemoteStoreOptions {{ NodeName = {NodeName}, Token = {(Token is null ? "none" : "<redacted>")} }}";
}
