using Reconciler.Client;
using Reconciler.Drivers;
using Reconciler.Hosting;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Agent;

/// <summary>
/// What each agent role adds to the runtime. The server's controllers (jobs, evaluations, deployments, nodes) and the
/// client's allocation runner register here, one line each, so <c>recon agent</c> runs whatever the config enables.
/// </summary>
public static class AgentRoles
{
    /// <summary>The server role (<c>[server] enabled</c>): it holds the state and, as they land, runs the scheduler's controllers.</summary>
    public static ReconcilerBuilder AddServer(this ReconcilerBuilder reconciler, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        // The scheduler adds its controllers here, e.g. reconciler.AddController<JobReconciler, Job>();
        return reconciler;
    }

    /// <summary>The client role (<c>[client] enabled</c>): it runs the allocations placed on this node, once the allocation runner lands.</summary>
    public static ReconcilerBuilder AddClient(this ReconcilerBuilder reconciler, AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return reconciler.AddReconcilerClient(ClientReconcilerBuilderExtensions.ClientOptionsFrom(config), drivers => drivers.AddBuiltInDrivers());
    }
}
