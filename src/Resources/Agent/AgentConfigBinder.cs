using System.Collections.Immutable;

namespace Reconciler.Resources.Agent;

/// <summary>
/// Turns the TOML document into an <see cref="AgentConfig"/>, key by key, with Nomad's key names.
/// Each table's reader names all of that table's keys, so the listing here is the schema; what is
/// left over is an unknown key. Defaults come from the records themselves.
/// </summary>
internal static class AgentConfigBinder
{
    private static readonly AgentConfig Defaults = new();

    private static readonly string[] LogLevels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"];

    // Nomad recommends 3 or 5 servers; more than 9 voters is a typo, not a cluster.
    private const int MaxBootstrapExpect = 9;

    public static AgentConfig Bind(TomlSection root) => root.Read(document => new AgentConfig
    {
        Name = document.OptionalString("name"),
        DataDir = document.OptionalString("data_dir"),
        BindAddr = document.String("bind_addr", Defaults.BindAddr),
        Region = document.String("region", Defaults.Region),
        Datacenter = document.String("datacenter", Defaults.Datacenter),
        LogLevel = document.Choice("log_level", Defaults.LogLevel, LogLevels),
        Ports = document.Table("ports").Read(BindPorts),
        Server = document.Table("server").Read(BindServer),
        Client = document.Table("client").Read(BindClient),
        Acl = document.Table("acl").Read(BindAcl),
        Tls = document.Table("tls").Read(BindTls),
        Telemetry = document.Table("telemetry").Read(BindTelemetry),
        GitOps = document.Table("gitops").Read(BindGitOps),
    });

    private static AgentPorts BindPorts(TomlSection ports) => new()
    {
        Http = ports.Port("http", Defaults.Ports.Http),
        Rpc = ports.Port("rpc", Defaults.Ports.Rpc),
        Serf = ports.Port("serf", Defaults.Ports.Serf),
    };

    private static ServerConfig BindServer(TomlSection server) => new()
    {
        Enabled = server.Bool("enabled", Defaults.Server.Enabled),
        BootstrapExpect = server.Int("bootstrap_expect", Defaults.Server.BootstrapExpect, 1, MaxBootstrapExpect),
        HeartbeatGrace = server.Duration("heartbeat_grace", Defaults.Server.HeartbeatGrace),
        MinHeartbeatTtl = server.Duration("min_heartbeat_ttl", Defaults.Server.MinHeartbeatTtl),
        NumSchedulers = server.OptionalInt("num_schedulers", 0, 1024),
        JobGcThreshold = server.Duration("job_gc_threshold", Defaults.Server.JobGcThreshold),
        NodeGcThreshold = server.Duration("node_gc_threshold", Defaults.Server.NodeGcThreshold),
    };

    private static ClientConfig BindClient(TomlSection client) => new()
    {
        Enabled = client.Bool("enabled", Defaults.Client.Enabled),
        Servers = client.Strings("servers"),
        NodeClass = client.OptionalString("node_class"),
        NodePool = client.String("node_pool", Defaults.Client.NodePool),
        Meta = client.StringMap("meta"),
        NetworkInterface = client.OptionalString("network_interface"),
        StateDir = client.OptionalString("state_dir"),
        AllocDir = client.OptionalString("alloc_dir"),
        HostVolumes = BindHostVolumes(client.Table("host_volume")),
    };

    // [client.host_volume.NAME]: the names are the user's, each holds one volume's table.
    private static IReadOnlyDictionary<string, HostVolumeConfig> BindHostVolumes(TomlSection volumes)
    {
        var bound = ImmutableSortedDictionary.CreateBuilder<string, HostVolumeConfig>(StringComparer.Ordinal);
        foreach (var (name, volume) in volumes.NamedTables())
        {
            bound[name] = volume.Read(v => new HostVolumeConfig
            {
                Path = v.String("path", ""),
                ReadOnly = v.Bool("read_only", false),
            });
        }
        return bound.ToImmutable();
    }

    private static AclConfig BindAcl(TomlSection acl) => new()
    {
        Enabled = acl.Bool("enabled", Defaults.Acl.Enabled),
        TokenTtl = acl.Duration("token_ttl", Defaults.Acl.TokenTtl),
        PolicyTtl = acl.Duration("policy_ttl", Defaults.Acl.PolicyTtl),
        AgentToken = acl.OptionalString("agent_token"),
    };

    private static TlsConfig BindTls(TomlSection tls) => new()
    {
        Http = tls.Bool("http", Defaults.Tls.Http),
        Rpc = tls.Bool("rpc", Defaults.Tls.Rpc),
        CaFile = tls.OptionalString("ca_file"),
        CertFile = tls.OptionalString("cert_file"),
        KeyFile = tls.OptionalString("key_file"),
        VerifyServerHostname = tls.Bool("verify_server_hostname", Defaults.Tls.VerifyServerHostname),
        VerifyHttpsClient = tls.Bool("verify_https_client", Defaults.Tls.VerifyHttpsClient),
    };

    private static TelemetryConfig BindTelemetry(TomlSection telemetry) => new()
    {
        CollectionInterval = telemetry.Duration("collection_interval", Defaults.Telemetry.CollectionInterval),
        DisableHostname = telemetry.Bool("disable_hostname", Defaults.Telemetry.DisableHostname),
        PrometheusMetrics = telemetry.Bool("prometheus_metrics", Defaults.Telemetry.PrometheusMetrics),
        PublishAllocationMetrics = telemetry.Bool("publish_allocation_metrics", Defaults.Telemetry.PublishAllocationMetrics),
        PublishNodeMetrics = telemetry.Bool("publish_node_metrics", Defaults.Telemetry.PublishNodeMetrics),
    };

    private static GitOpsConfig BindGitOps(TomlSection gitops) => new()
    {
        Enabled = gitops.Bool("enabled", Defaults.GitOps.Enabled),
        Path = gitops.OptionalString("path"),
        Interval = gitops.Duration("interval", Defaults.GitOps.Interval),
        Prune = gitops.Bool("prune", Defaults.GitOps.Prune),
        AllowEmpty = gitops.Bool("allow_empty", Defaults.GitOps.AllowEmpty),
        Namespace = gitops.String("namespace", Defaults.GitOps.Namespace),
    };
}
