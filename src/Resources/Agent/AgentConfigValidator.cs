using System.Globalization;
using System.Net;

namespace Reconciler.Resources.Agent;

/// <summary>
/// Checks that span keys or need judgement beyond a key's type: an agent has a role, a client
/// can find a server, a host volume path is absolute, TLS names its files. Reads no files: a
/// path is checked for its shape only. A check whose input key already has an error stays quiet.
/// </summary>
internal sealed class AgentConfigValidator(TomlDiagnostics diagnostics)
{
    public void Validate(AgentConfig config)
    {
        CheckAgent(config);
        CheckPorts(config.Ports);
        CheckClient(config.Client, config.Server.Enabled);
        CheckTls(config.Tls);
        Require(config.Acl.AgentToken is null || config.Acl.AgentToken.Trim().Length > 0, "acl.agent_token",
            "agent_token is empty", "leave it out, or set the same non-empty token on the servers and their clients");
        CheckIntervals(config);
        CheckGitOps(config.GitOps);
    }

    private void CheckAgent(AgentConfig config)
    {
        Require(config.Server.Enabled || config.Client.Enabled, "server.enabled",
            "neither the server nor the client is enabled; an agent must run at least one of them",
            "set enabled = true under [server], [client] or both; `recon agent -dev` runs both without a file",
            "client.enabled");
        Require(!string.IsNullOrWhiteSpace(config.DataDir), "data_dir",
            "data_dir is not set; the agent needs a directory for its state",
            "add data_dir = \"/opt/recon/data\"; only `recon agent -dev` picks a temporary one");
        Require(IsBindAddress(config.BindAddr), "bind_addr",
            $"\"{config.BindAddr}\" is not an IP address",
            "use an address such as \"127.0.0.1\" or \"0.0.0.0\" for every interface");
        Require(config.Region.Length > 0, "region", "region is empty", "leave it out for \"global\"");
        Require(config.Datacenter.Length > 0, "datacenter", "datacenter is empty", "leave it out for \"dc1\"");
    }

    private void CheckPorts(AgentPorts ports)
    {
        Require(ports.Rpc != ports.Http, "ports.rpc", $"rpc uses port {ports.Rpc}, which http uses too", "give each listener its own port", "ports.http");
        Require(ports.Serf != ports.Http, "ports.serf", $"serf uses port {ports.Serf}, which http uses too", "give each listener its own port", "ports.http");
        Require(ports.Serf != ports.Rpc, "ports.serf", $"serf uses port {ports.Serf}, which rpc uses too", "give each listener its own port", "ports.rpc");
    }

    private void CheckClient(ClientConfig client, bool serverEnabled)
    {
        if (!client.Enabled) return;
        Require(serverEnabled || client.Servers.Count > 0, "client.servers",
            "a client-only agent needs at least one server address",
            "list them, e.g. servers = [\"10.0.0.10:4647\"], or enable [server] on this agent too",
            "client.enabled", "server.enabled");
        for (var i = 0; i < client.Servers.Count; i++)
        {
            Require(IsServerAddress(client.Servers[i]), $"client.servers[{i}]",
                $"\"{client.Servers[i]}\" is not a server address", "write host or host:port, e.g. \"10.0.0.10:4647\"");
        }
        foreach (var (name, volume) in client.HostVolumes)
        {
            var path = $"client.host_volume.{name}.path";
            Require(volume.Path.Length > 0, path, $"host volume {name} has no path",
                "add path = \"/absolute/directory\" to the volume's table");
            Require(volume.Path.Length == 0 || Path.IsPathFullyQualified(volume.Path), path,
                $"\"{volume.Path}\" is not an absolute path", "host volume paths start at the root, e.g. \"/opt/mysql/data\"");
        }
    }

    private void CheckTls(TlsConfig tls)
    {
        var enabledBy = tls.Http ? "tls.http" : "tls.rpc";
        if (tls.Http || tls.Rpc)
        {
            Require(tls.CertFile is not null, "tls.cert_file", $"{enabledBy} is on but no certificate is named",
                "add cert_file = \"/etc/recon/tls/agent.pem\"", enabledBy);
            Require(tls.KeyFile is not null, "tls.key_file", $"{enabledBy} is on but no private key is named",
                "add key_file = \"/etc/recon/tls/agent-key.pem\"", enabledBy);
        }
        var (missing, named) = tls.CertFile is null ? ("tls.cert_file", "tls.key_file") : ("tls.key_file", "tls.cert_file");
        Require(tls.CertFile is null == tls.KeyFile is null, missing,
            "cert_file and key_file go together", "name both files or neither", named);
        Require(!tls.VerifyHttpsClient || tls.CaFile is not null, "tls.verify_https_client",
            "verify_https_client needs a CA to check client certificates against", "add ca_file = \"/etc/recon/tls/ca.pem\"");
        Require(!tls.VerifyServerHostname || tls.CaFile is not null, "tls.verify_server_hostname",
            "verify_server_hostname needs a CA to check server certificates against", "add ca_file = \"/etc/recon/tls/ca.pem\"");
    }

    private void CheckIntervals(AgentConfig config)
    {
        RequirePositive(config.Telemetry.CollectionInterval, "telemetry.collection_interval");
        RequirePositive(config.Server.MinHeartbeatTtl, "server.min_heartbeat_ttl");
        Require(config.Server.HeartbeatGrace >= TimeSpan.Zero, "server.heartbeat_grace", "must not be negative", "use a duration such as \"10s\", or \"0s\" for none");
        RequirePositive(config.GitOps.Interval, "gitops.interval");
    }

    private void CheckGitOps(GitOpsConfig gitops)
    {
        if (!gitops.Enabled) return;
        Require(!string.IsNullOrWhiteSpace(gitops.Path), "gitops.path",
            "gitops is enabled but no manifest directory is named", "add path = \"/srv/recon/manifests\"", "gitops.enabled");
        Require(gitops.Namespace.Length > 0, "gitops.namespace", "namespace is empty", "leave it out for \"default\"");
    }

    private void RequirePositive(TimeSpan value, string path) =>
        Require(value > TimeSpan.Zero, path, "must be longer than zero", "use a duration such as \"1s\" or \"30s\"");

    // Reports at `path` unless the check holds or one of its inputs already has an error. When
    // `path` was not written (a required key left out), the error sits at the first written key
    // of `alsoReads`, the one that made it required.
    private void Require(bool holds, string path, string message, string hint, params string[] alsoReads)
    {
        if (holds || diagnostics.AnyBroken(path) || diagnostics.AnyBroken(alsoReads)) return;
        diagnostics.Report(path, message, hint, alsoReads);
    }

    // Nomad also takes go-sockaddr templates such as "{{ GetPrivateIP }}"; the agent resolves those.
    private static bool IsBindAddress(string address) =>
        IPAddress.TryParse(address, out _) || address.Contains("{{", StringComparison.Ordinal);

    private static bool IsServerAddress(string address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Any(char.IsWhiteSpace)) return false;
        if (IPAddress.TryParse(address, out _)) return true;
        var colon = address.LastIndexOf(':');
        if (colon < 0) return true;
        return colon > 0 && int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is >= 1 and <= 65535;
    }
}
