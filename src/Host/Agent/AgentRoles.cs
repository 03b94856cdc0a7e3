using Reconciler.Client;
using Reconciler.Deployments;
using Reconciler.Drivers;
using Reconciler.Hosting;
using Reconciler.Resources.Agent;
using Reconciler.Scheduling;

namespace Reconciler.Host.Agent;

/// <summary>
/// What each agent role adds to the runtime. The server's controllers (jobs, evaluations, deployments, nodes) and the
/// client's allocation runner register here, one line each, so <c>recon agent</c> runs whatever the config enables.
/// </summary>
public static class AgentRoles
{
    /// <summary>The server role (<c>[server] enabled</c>): it holds the state and runs the scheduler (jobs, evaluations, nodes) and the deployment controller.</summary>
    public static ReconcilerBuilder AddServer(this ReconcilerBuilder reconciler, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return reconciler.AddScheduler().AddDeployments();
    }

    /// <summary>
    /// The client role (<c>[client] enabled</c>): it registers this node and runs the allocations placed on it; a
    /// <paramref name="dev"/> agent's client stops its tasks when it stops (its temporary state could adopt none later).
    /// </summary>
    public static ReconcilerBuilder AddClient(this ReconcilerBuilder reconciler, AgentConfig config, bool dev = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        var options = ClientReconcilerBuilderExtensions.ClientOptionsFrom(config) with { StopTasksOnShutdown = dev };
        return reconciler.AddReconcilerClient(options, drivers => drivers.AddBuiltInDrivers());
    }
}
