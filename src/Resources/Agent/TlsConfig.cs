namespace Reconciler.Resources.Agent;

/// <summary>TLS for the agent's listeners (<c>[tls]</c>). File paths are not opened while reading the config.</summary>
public sealed record TlsConfig
{
    /// <summary>Serve the HTTP API over TLS (<c>http</c>).</summary>
    public bool Http { get; init; }

    /// <summary>Use TLS between agents (<c>rpc</c>).</summary>
    public bool Rpc { get; init; }

    /// <summary>The CA certificate that signs peers' certificates (<c>ca_file</c>).</summary>
    public string? CaFile { get; init; }

    /// <summary>This agent's certificate (<c>cert_file</c>).</summary>
    public string? CertFile { get; init; }

    /// <summary>The private key of <see cref="CertFile"/> (<c>key_file</c>).</summary>
    public string? KeyFile { get; init; }

    /// <summary>Check that a server's certificate names its role and region (<c>verify_server_hostname</c>).</summary>
    public bool VerifyServerHostname { get; init; }

    /// <summary>Require HTTP clients to present a certificate signed by the CA (<c>verify_https_client</c>).</summary>
    public bool VerifyHttpsClient { get; init; }
}
