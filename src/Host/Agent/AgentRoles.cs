using Microsoft.Extensions.DependencyInjection.Extensions;
using Reconciler.Client;
using Reconciler.Client.Stats;
using Reconciler.Deployments;
using Reconciler.Drivers;
using Reconciler.Host.Agent.Remote;
using Reconciler.Host.GitOps;
using Reconciler.Hosting;
using Reconciler.Nodes;
using Reconciler.Resources.Agent;
using Reconciler.Scheduling;

namespace Reconciler.Host.Agent;

/// <summary>
/// What each agent role adds to the runtime. The server's controllers (jobs, evaluations, deployments, nodes) and the
/// client's allocation runner register here, one line each, so <c>recon agent</c> runs whatever the config enables.
/// </summary>
public static class AgentRoles
{
    /// <summary>
    /// The server role (<c>[server] enabled</c>): it holds the state and runs the scheduler (jobs, evaluations, nodes) and
    /// the deployment controller, and with <c>[gitops] enabled</c> the GitOps sync (leader-only). A node is down once it missed heartbeats for <c>min_heartbeat_ttl</c> plus <c>heartbeat_grace</c>.
    /// </summary>
    public static ReconcilerBuilder AddServer(this ReconcilerBuilder reconciler, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var nodes = new NodeOptions { HeartbeatTtl = config.Server.MinHeartbeatTtl + config.Server.HeartbeatGrace };
        return reconciler.AddScheduler(nodes: nodes).AddDeployments().AddGitOps(config.GitOps);
    }

    /// <summary>
    /// The client role (<c>[client] enabled</c>): it registers this node and runs the allocations placed on it. A
    /// client-only agent heartbeats within the TTL its servers granted when it connected (<see cref="HttpResourceStore.ConnectAsync"/>).
    /// A <paramref name="dev"/> agent's client stops its tasks when it stops (its temporary state could adopt none later).
    /// </summary>
    public static ReconcilerBuilder AddClient(this ReconcilerBuilder reconciler, AgentConfig config, bool dev = false)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(config);
        if (AgentHost.UsesRemoteStore(config))
            reconciler.Services.TryAddSingleton(provider => new NodeOptions
            {
                HeartbeatTtl = provider.GetRequiredService<HttpResourceStore>().HeartbeatTtl
                    ?? throw new InvalidOperationException("The client resolved its heartbeat TTL before it reached a server."),
            });
        var options = ClientReconcilerBuilderExtensions.ClientOptionsFrom(config) with { StopTasksOnShutdown = dev };
        return reconciler.AddReconcilerClient(options, drivers => drivers.AddBuiltInDrivers()).AddClientTelemetry(config.Telemetry);
    }
}
