using System.Net.Http.Headers;
using System.Text;
using Reconciler.Host.Agent;
using Reconciler.Host.Cli;
using Reconciler.Hosting;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>
/// A real agent in this process: the FASTER store in a temporary directory, the runtime, and the HTTP API on Kestrel at
/// 127.0.0.1 on a free port. Talk to it with <see cref="Http"/> or run the CLI against it with <see cref="CliAsync"/>.
/// </summary>
internal sealed class RunningAgent : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _config = new();
    private AgentHost _host = null!;

    public Uri Address => _host.Address;

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _host.Services;

    /// <summary>A directory for the test's own files (manifests, snapshots), removed with the agent.</summary>
    public TempDirectory Files { get; } = new();

    /// <summary>The CLI's environment: this agent's address and a contexts directory of its own.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>
    /// Starts an agent; <paramref name="client"/> true runs the client role too (this machine as a node running tasks);
    /// <paramref name="scheduler"/> false leaves the server role (and with it the scheduler's controllers,
    /// which add finalizers, evaluations and status to jobs) out, for tests of the generic resource API. With
    /// <paramref name="tls"/> the API is https, and <see cref="Http"/> trusts its CA and presents the agent's certificate;
    /// <paramref name="acls"/> true enforces ACLs (<c>[acl] enabled</c>); <paramref name="configure"/> changes the agent
    /// config further (e.g. <c>[gitops]</c>).
    /// </summary>
    public static async Task<RunningAgent> StartAsync(Action<ReconcilerBuilder>? extend = null, bool scheduler = true, bool client = false, TlsConfig? tls = null,
        bool acls = false, Func<AgentConfig, AgentConfig>? configure = null)
    {
        var agent = new RunningAgent();
        var dev = AgentConfig.Dev(agent._data.Path);
        var config = dev with
        {
            LogLevel = "ERROR", Ports = new AgentPorts { Http = 0 }, Server = dev.Server with { Enabled = scheduler }, Client = dev.Client with { Enabled = client },
            Tls = tls ?? dev.Tls, Acl = new AclConfig { Enabled = acls },
        };
        agent._host = AgentHost.Create(configure is null ? config : configure(config), dev: true, extend);
        await agent._host.StartAsync();
        agent.Http = tls is null ? new HttpClient { BaseAddress = agent.Address } : TestCertificates.Trusting(agent.Address, tls.CaFile!, tls.CertFile!, tls.KeyFile!);
        agent.Environment["RECON_ADDR"] = agent.Address.ToString();
        agent.Environment["RECON_CONFIG_DIR"] = agent._config.Path;
        return agent;
    }

    /// <summary>Runs the CLI in-process against this agent.</summary>
    public Task<CliRun> CliAsync(params string[] args) => CliRun.InProcessAsync(CliEnvironment.Of(Environment), args);

    public Task<HttpResponseMessage> PutYamlAsync(string path, string yaml) =>
        Http.PutAsync(path, new StringContent(yaml, Encoding.UTF8, new MediaTypeHeaderValue("application/yaml")));

    public Task<HttpResponseMessage> ApplyYamlAsync(string yaml, string query = "") =>
        Http.PostAsync("/v1/apply" + query, new StringContent(yaml, Encoding.UTF8, new MediaTypeHeaderValue("application/yaml")));

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        await _host.DisposeAsync();
        _data.Dispose();
        _config.Dispose();
        Files.Dispose();
    }
}
