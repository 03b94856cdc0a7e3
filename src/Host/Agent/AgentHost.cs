using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Reconciler.Client.Access;
using Reconciler.Host.Api;
using Reconciler.Host.Api.Allocations.Forwarding;
using Reconciler.Host.Agent.Remote;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Internal;
using Reconciler.Host.Api.Security;
using Reconciler.Hosting;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Agent;

/// <summary>
/// One <c>recon agent</c>: the store, the controller runtime with the roles the config enables (<see cref="AgentRoles"/>),
/// and the HTTP API on Kestrel at <c>bind_addr:ports.http</c>, all in one <see cref="WebApplication"/>. A server keeps
/// the FASTER store in <c>data_dir/server</c> and serves its clients the node-facing store API; a client-only agent's
/// store is its servers' (<see cref="HttpResourceStore"/>, <c>client.servers</c>). <c>[tls]</c> is <see cref="AgentTls"/>'s.
/// Start, then wait for Ctrl-C/SIGTERM (or stop it); disposing stops it gracefully.
/// </summary>
public sealed class AgentHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AgentConfig _config;
    private bool _started;

    private AgentHost(WebApplication app, AgentConfig config) => (_app, _config) = (app, config);

    /// <summary>The services of the agent (store, runtime, API).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The API's address, e.g. <c>http://127.0.0.1:4747</c>; known once started (port 0 picks a free one).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1:4747");

    /// <summary>
    /// Builds the agent for <paramref name="config"/> (whose data_dir must be set); <paramref name="extend"/> may add
    /// controllers, kinds or services before the API is mapped (custom kinds then get routes too). With
    /// <paramref name="handleSignals"/> false, Ctrl-C and SIGTERM are the caller's to handle (see <see cref="ManualLifetime"/>).
    /// </summary>
    public static AgentHost Create(AgentConfig config, bool dev, Action<ReconcilerBuilder>? extend = null, bool handleSignals = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        var dataDir = config.DataDir ?? throw new ArgumentException("The agent config has no data_dir.", nameof(config));
        var address = ParseBindAddress(config.BindAddr);
        var tls = AgentTls.Load(config.Tls, config.Region);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "recon", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = new ApiOptions().MaxRequestBodyBytes;
            kestrel.Listen(address, config.Ports.Http, tls.Serve);
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        if (!handleSignals) builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        AgentLogging.Configure(builder.Logging, config.LogLevel);

        builder.Services.AddSingleton(new AgentSelf(config.Name ?? Environment.MachineName, ReconVersion.Current, config.Region, config.Datacenter,
            config.Server.Enabled, config.Client.Enabled, dev));
        // Each agent has its own kinds, so custom kinds one host adds stay its own.
        var remote = UsesRemoteStore(config);
        var reconciler = builder.Services.AddReconciler(o =>
        {
            o.Kinds = ResourceKindRegistry.CreateDefault();
            if (remote) o.UseStore(provider => provider.GetRequiredService<HttpResourceStore>());
            else o.UseFasterStore(Path.Combine(dataDir, "server"));
        });
        if (config.Server.Enabled) reconciler.AddServer(config);
        if (remote) AddRemoteStore(builder.Services, config, tls);
        else builder.Services.AddNodeStoreApi(new NodeApiOptions(config.Server.MinHeartbeatTtl, config.Acl.Enabled, config.Acl.AgentToken));
        if (config.Client.Enabled)
        {
            HostVolumeDirectories.Ensure(config.Client);
            reconciler.AddClient(config, dev);
        }
        extend?.Invoke(reconciler);
        builder.Services.AddSingleton(new ForwardingOptions(config.Acl.Enabled, config.Acl.AgentToken) { Tls = tls.ToClients, RequireTls = config.Tls.Rpc });
        if (config.Acl.Enabled) builder.Services.AddAclEnforcement(clientOnly: remote);
        builder.Services.AddReconApi(o => o.PrometheusMetrics = config.Telemetry.PrometheusMetrics);

        var app = builder.Build();
        app.MapReconApi();
        if (!remote) app.MapNodeStoreEndpoints();
        // Servers forward logs, exec and restart of this node's allocations here (the address goes out with heartbeats).
        if (config.Client.Enabled) app.MapNodeAllocationEndpoints();
        return new AgentHost(app, config);
    }

    /// <summary>
    /// A server opens the store, makes sure the default namespace exists and restarts its nodes' heartbeat clocks; a
    /// client-only agent waits until one of its servers answers (logging while it cannot). Then the runtime and the API start.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var store = _app.Services.GetRequiredService<IResourceStore>();
        if (!UsesRemoteStore(_config))
        {
            await DefaultNamespace.EnsureAsync(store, cancellationToken);
            await HeartbeatReset.ResetAsync(store, _app.Services.GetRequiredService<TimeProvider>(), cancellationToken);
        }
        else
        {
            await ((HttpResourceStore)store).ConnectAsync(cancellationToken);
        }
        await _app.StartAsync(cancellationToken);
        _started = true;
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (bound is not null) Address = new Uri(bound);
        _app.Services.GetService<ClientHttpAddress>()?.Set(Advertised(Address));
    }

    /// <summary>Completes when the agent is asked to stop: Ctrl-C, SIGTERM, or <paramref name="cancellationToken"/>.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the API and the runtime, then closes the store (checkpointing it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_started) await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    /// <summary>
    /// True for a client-only agent with <c>client.servers</c>: its store is theirs. Any other agent holds the store
    /// itself (a server; or, embedded in tests, an agent without the scheduler) and serves it to clients.
    /// </summary>
    public static bool UsesRemoteStore(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return !config.Server.Enabled && config.Client.Servers.Count > 0;
    }

    private static void AddRemoteStore(IServiceCollection services, AgentConfig config, AgentTls tls)
    {
        var servers = new RemoteServers(config.Client.Servers, tls.ServerScheme);
        var options = new RemoteStoreOptions { NodeName = config.Name ?? Environment.MachineName, Token = config.Acl.AgentToken, Tls = tls.ToServers };
        services.AddSingleton(provider => new HttpResourceStore(servers, options, provider.GetRequiredService<ResourceJson>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<HttpResourceStore>>()));
    }

    // A wildcard bind (0.0.0.0) is no address to call: other agents reach this one by its host name then.
    private static Uri Advertised(Uri bound) =>
        IPAddress.TryParse(bound.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            ? new UriBuilder(bound) { Host = Environment.MachineName }.Uri
            : bound;

    private static IPAddress ParseBindAddress(string text) =>
        text == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(text, out var address) ? address
        : throw new ArgumentException($"bind_addr '{text}' is not an IP address; use e.g. 127.0.0.1 or 0.0.0.0.");
}
