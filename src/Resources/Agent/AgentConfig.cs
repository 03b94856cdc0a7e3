namespace Reconciler.Resources.Agent;

/// <summary>
/// The options of one <c>recon agent</c>, read from a TOML file with Nomad's own snake_case keys
/// (<c>data_dir</c>, <c>bind_addr</c>, <c>[server]</c>, <c>[client]</c>, <c>[telemetry]</c>, ...).
/// Every property starts at the default the agent uses when the file leaves the key out.
/// </summary>
public sealed record AgentConfig
{
    /// <summary>The agent's node name (<c>name</c>); null means the machine's host name.</summary>
    public string? Name { get; init; }

    /// <summary>Where the agent keeps its state (<c>data_dir</c>); required outside dev mode.</summary>
    public string? DataDir { get; init; }

    /// <summary>
    /// The address every listener binds (<c>bind_addr</c>). Nomad binds 0.0.0.0; we bind loopback
    /// unless told otherwise, so a fresh agent is not reachable from the network by accident.
    /// </summary>
    public string BindAddr { get; init; } = "127.0.0.1";

    /// <summary>The region the agent belongs to (<c>region</c>).</summary>
    public string Region { get; init; } = "global";

    /// <summary>The datacenter the agent belongs to (<c>datacenter</c>).</summary>
    public string Datacenter { get; init; } = "dc1";

    /// <summary>One of TRACE, DEBUG, INFO, WARN, ERROR, OFF (<c>log_level</c>), upper-cased.</summary>
    public string LogLevel { get; init; } = "INFO";

    /// <summary>The ports the agent listens on (<c>[ports]</c>).</summary>
    public AgentPorts Ports { get; init; } = new();

    /// <summary>The server role (<c>[server]</c>).</summary>
    public ServerConfig Server { get; init; } = new();

    /// <summary>The client role (<c>[client]</c>).</summary>
    public ClientConfig Client { get; init; } = new();

    /// <summary>Access control (<c>[acl]</c>).</summary>
    public AclConfig Acl { get; init; } = new();

    /// <summary>TLS for the HTTP API and RPC (<c>[tls]</c>).</summary>
    public TlsConfig Tls { get; init; } = new();

    /// <summary>Metrics collection and publishing (<c>[telemetry]</c>).</summary>
    public TelemetryConfig Telemetry { get; init; } = new();

    /// <summary>Syncing a directory of manifests (<c>[gitops]</c>).</summary>
    public GitOpsConfig GitOps { get; init; } = new();

    /// <summary>
    /// The configuration of <c>recon agent -dev</c>, as Nomad's <c>-dev</c>: server and client in one
    /// process, a single-server cluster, debug logging, loopback only, state in <paramref name="dataDir"/>
    /// (a temporary directory the caller chose and will delete).
    /// </summary>
    public static AgentConfig Dev(string dataDir) => new()
    {
        DataDir = dataDir,
        LogLevel = "DEBUG",
        Server = new ServerConfig { Enabled = true, BootstrapExpect = 1 },
        Client = new ClientConfig { Enabled = true },
    };
}
