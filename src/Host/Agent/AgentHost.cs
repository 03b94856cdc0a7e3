using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Reconciler.Host.Api;
using Reconciler.Host.Api.Contracts;
using Reconciler.Hosting;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Agent;

/// <summary>
/// One <c>recon agent</c>: the FASTER store in <c>data_dir/server</c>, the controller runtime with the roles the config
/// enables (<see cref="AgentRoles"/>), and the HTTP API on Kestrel at <c>bind_addr:ports.http</c>, all in one
/// <see cref="WebApplication"/>. Start, then wait for Ctrl-C/SIGTERM (or stop it); disposing stops it gracefully.
/// </summary>
public sealed class AgentHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _started;

    private AgentHost(WebApplication app) => _app = app;

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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "recon", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = new ApiOptions().MaxRequestBodyBytes;
            kestrel.Listen(address, config.Ports.Http);
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        if (!handleSignals) builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        AgentLogging.Configure(builder.Logging, config.LogLevel);

        builder.Services.AddSingleton(new AgentSelf(config.Name ?? Environment.MachineName, ReconVersion.Current, config.Region, config.Datacenter,
            config.Server.Enabled, config.Client.Enabled, dev));
        // Each agent has its own kinds, so custom kinds one host adds stay its own.
        var reconciler = builder.Services.AddReconciler(o =>
        {
            o.Kinds = ResourceKindRegistry.CreateDefault();
            o.UseFasterStore(Path.Combine(dataDir, "server"));
        });
        if (config.Server.Enabled) reconciler.AddServer(config);
        if (config.Client.Enabled) reconciler.AddClient(config, dev);
        extend?.Invoke(reconciler);
        builder.Services.AddReconApi();

        var app = builder.Build();
        app.MapReconApi();
        return new AgentHost(app);
    }

    /// <summary>Opens the store, makes sure the default namespace exists, then starts the runtime and the API.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await DefaultNamespace.EnsureAsync(_app.Services.GetRequiredService<IResourceStore>(), cancellationToken);
        await _app.StartAsync(cancellationToken);
        _started = true;
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (bound is not null) Address = new Uri(bound);
    }

    /// <summary>Completes when the agent is asked to stop: Ctrl-C, SIGTERM, or <paramref name="cancellationToken"/>.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the API and the runtime, then closes the store (checkpointing it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_started) await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static IPAddress ParseBindAddress(string text) =>
        text == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(text, out var address) ? address
        : throw new ArgumentException($"bind_addr '{text}' is not an IP address; use e.g. 127.0.0.1 or 0.0.0.0.");
}
