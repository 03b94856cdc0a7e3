using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Agent;

/// <summary>
/// One server and client-only agents on this machine as separate <c>recon agent -config</c> processes on loopback, each
/// with its own name, data dir and port; the server keeps one port across restarts so clients find it again. Tasks run
/// busybox with <see cref="Marker"/> as their last argument (<c>busybox sleep {Marker}</c>), so the test can find (and in
/// the end kill) its own task processes, including those a killed client left behind.
/// </summary>
internal sealed class LoopbackCluster : IAsyncDisposable
{
    // A node is down after 2s + the grace without a heartbeat; clients heartbeat every 2s / 3.
    private const string ServerConfig = """
        name = "server"
        data_dir = "{0}"
        log_level = "INFO"

        [ports]
        http = {1}

        [server]
        enabled = true
        min_heartbeat_ttl = "2s"
        heartbeat_grace = "{2}s"
        """;

    private const string ClientConfig = """
        name = "{0}"
        data_dir = "{1}"
        log_level = "INFO"

        [client]
        enabled = true
        servers = ["127.0.0.1:{2}"]
        """;

    private readonly TempDirectory _root = new();
    private readonly Dictionary<string, AgentProcess> _clients = [];
    private readonly int _heartbeatGrace;
    private readonly string _acl;
    private readonly TestCertificates? _tls;
    private AgentProcess? _server;
    private string? _managementToken;

    /// <summary>
    /// A cluster whose server marks a node down after 2s + <paramref name="heartbeatGraceSeconds"/> without a heartbeat;
    /// with <paramref name="agentToken"/>, every agent enables ACLs and shares it as <c>acl.agent_token</c>; with
    /// <paramref name="tls"/>, every agent serves https, verifies its callers' certificates and talks to the others over
    /// TLS (<c>rpc</c>, <c>verify_server_hostname</c>), and the test and the CLI present the CLI certificate.
    /// </summary>
    public LoopbackCluster(int heartbeatGraceSeconds, string? agentToken = null, TestCertificates? tls = null)
    {
        _heartbeatGrace = heartbeatGraceSeconds;
        _acl = agentToken is null ? "" : $"\n[acl]\nenabled = true\nagent_token = \"{agentToken}\"\n";
        _tls = tls;
        Http = tls is null
            ? new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ServerPort}"), Timeout = TimeSpan.FromMinutes(2) }
            : tls.Client(new Uri($"https://127.0.0.1:{ServerPort}"));
    }

    private string Tls => _tls?.Toml(verifyClients: true, verifyServerHostname: true) ?? "";

    /// <summary>The server's fixed HTTP port.</summary>
    public int ServerPort { get; } = FreePort();

    /// <summary>The sleep duration in seconds that marks this cluster's task processes.</summary>
    public int Marker { get; } = Random.Shared.Next(3600, 9000);

    /// <summary>The server's API.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts (or restarts, on the same data dir and port) the server.</summary>
    public async Task StartServerAsync()
    {
        var config = _root.Write("server.toml", string.Format(CultureInfo.InvariantCulture, ServerConfig, Path.Combine(_root.Path, "server"), ServerPort, _heartbeatGrace) + _acl + Tls);
        _server = await AgentProcess.StartAsync(new Dictionary<string, string>(), "-config", config);
        if (_acl.Length > 0 && _managementToken is null) await BootstrapAclsAsync();
    }

    // With ACLs on, the test and its CLI calls act with the management token bootstrap hands out once.
    private async Task BootstrapAclsAsync()
    {
        using var response = await Http.PostAsync("/v1/acl/bootstrap", null);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        _managementToken = (await response.Content.ReadFromJsonAsync<AclTokenView>(ApiJson.Options))!.SecretId!;
        Http.DefaultRequestHeaders.Add(ApiHeaders.Token, _managementToken);
    }

    /// <summary>Starts a client-only agent for node <paramref name="name"/> with its own data dir and a free port.</summary>
    public async Task StartClientAsync(string name)
    {
        var config = _root.Write($"{name}.toml", string.Format(CultureInfo.InvariantCulture, ClientConfig, name, Path.Combine(_root.Path, name), ServerPort) + _acl + Tls);
        _clients[name] = await AgentProcess.StartAsync(new Dictionary<string, string>(), "-config", config, "-http-port", "0");
    }

    /// <summary>The HTTP API address of the client agent of <paramref name="name"/>.</summary>
    public Uri ClientAddress(string name) => _clients[name].Address;

    /// <summary>Runs the real <c>recon</c> CLI against the server's address.</summary>
    public Task<CliRun> CliAsync(params string[] args) => ReconProcess.RunAsync(CliEnvironment, args);

    /// <summary>The environment that points the CLI at the server.</summary>
    public IReadOnlyDictionary<string, string> CliEnvironment
    {
        get
        {
            var environment = new Dictionary<string, string> { ["RECON_ADDR"] = Http.BaseAddress!.ToString().TrimEnd('/') };
            if (_managementToken is not null) environment["RECON_TOKEN"] = _managementToken;
            if (_tls is null) return environment;
            environment["RECON_CACERT"] = _tls.CaFile;
            environment["RECON_CLIENT_CERT"] = _tls.ClientCert;
            environment["RECON_CLIENT_KEY"] = _tls.ClientKey;
            return environment;
        }
    }

    /// <summary>kill -9 the server process.</summary>
    public async Task KillServerAsync()
    {
        await KillAsync(_server!);
        _server = null;
    }

    /// <summary>kill -9 the client agent of <paramref name="name"/> only: its tasks keep running, orphaned, as on a crashed agent.</summary>
    public async Task KillClientAsync(string name)
    {
        await KillAsync(_clients[name]);
        _clients.Remove(name);
    }

    /// <summary>What the client agent of <paramref name="name"/> logged so far.</summary>
    public string ClientOutput(string name) => _clients[name].Output;

    /// <summary>What the server's client agents and the test left in the agents' output so far (for failure messages).</summary>
    public string Logs => string.Join("\n", _clients.Select(c => $"--- {c.Key}\n{c.Value.Output}").Append($"--- server\n{_server?.Output}"));

    /// <summary>Applies YAML through the server's API.</summary>
    public async Task ApplyAsync(string yaml)
    {
        using var response = await Http.PostAsync("/v1/apply", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Waits (blocking queries on the server, no sleeps) until the list at <paramref name="path"/> satisfies <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> AwaitListAsync(string path, Func<IReadOnlyList<JsonObject>, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        IReadOnlyList<JsonObject> last = [];
        try
        {
            for (long index = 0; ;)
            {
                var list = (await Http.GetFromJsonAsync<ResourceList>($"{path}{separator}index={index}&wait=10s", ApiJson.Options, timeout.Token))!;
                last = list.Items;
                if (done(last)) return last;
                index = list.Index;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{path} did not get there in 3 minutes; last seen:\n{string.Join("\n", last.Select(i => i.ToJsonString()))}\n{Logs}");
        }
    }

    /// <summary>The pids of this cluster's task processes (busybox with <see cref="Marker"/> last), from /proc.</summary>
    public IReadOnlyList<int> TaskPids() =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsTask(pid))];

    /// <summary>Kills every agent, then every task process of this cluster (orphans of killed clients included).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values) await client.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
        foreach (var pid in TaskPids())
        {
            try
            {
                using var task = System.Diagnostics.Process.GetProcessById(pid);
                task.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
        }
        Http.Dispose();
        _root.Dispose();
    }

    private bool IsTask(int pid)
    {
        try
        {
            var argv = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return argv.Length >= 2 && argv[0].EndsWith("busybox", StringComparison.Ordinal) && argv[^1] == Marker.ToString(CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task KillAsync(AgentProcess agent)
    {
        using var process = System.Diagnostics.Process.GetProcessById(agent.Id);
        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", agent.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync();
        await agent.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
