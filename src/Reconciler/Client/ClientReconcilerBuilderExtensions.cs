using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

using Reconciler.Client.Access;
using Reconciler.Client.Environment;
using Reconciler.Client.Fingerprint;
using Reconciler.Client.Health;
using Reconciler.Client.Runner;
using Reconciler.Client.Stats;
using Reconciler.Drivers;
using Reconciler.Hosting;
using Reconciler.Informers;
using Reconciler.Nodes;
using Reconciler.Resources.Agent;
using Reconciler.Resources.Kinds;

namespace Reconciler.Client;

/// <summary>Adds the client role — node registration, heartbeats, the allocation runner and <see cref="IAllocationAccess"/> — to a runtime.</summary>
public static class ClientReconcilerBuilderExtensions
{
    /// <summary>How many allocations the runner reconciles at once by default.</summary>
    /// <remarks>
    /// A stop no longer holds a worker (its kill runs off it), but a start does while its driver creates the task — a
    /// container's image pull, create and start — so, like Nomad, many allocations start at once.
    /// </remarks>
    public const int DefaultRunnerWorkers = 32;

    /// <summary>
    /// Runs a client for <paramref name="options"/>' node with the drivers <paramref name="addDrivers"/> registers;
    /// <paramref name="runAgent"/> false leaves registration and heartbeats to the caller (tests drive <see cref="ClientAgent"/>);
    /// <paramref name="runnerWorkers"/> is how many allocations the runner reconciles at once.
    /// </summary>
    public static ReconcilerBuilder AddReconcilerClient(this ReconcilerBuilder reconciler, ClientOptions options,
        Func<DriverRegistry, DriverRegistry> addDrivers, bool runAgent = true, int runnerWorkers = DefaultRunnerWorkers)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(addDrivers);
        var services = reconciler.Services;
        services.AddSingleton(options);
        services.TryAddSingleton(provider => addDrivers(new DriverRegistry()));
        services.TryAddSingleton(new NodeOptions());
        services.TryAddSingleton<NodeRegistration>();
        services.AddSingleton<NodeFingerprinter>();
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<TaskPreparation>();
        services.AddSingleton<LiveAllocations>();
        services.AddSingleton<TaskHandleFiles>();
        services.AddSingleton<AllocationWakeup>();
        services.AddSingleton<TaskLifecycle>();
        services.AddSingleton(new CheckProbe(new HttpClient()));
        services.AddSingleton<AllocationHealthMonitor>();
        services.AddSingleton<IAllocationAccess, AllocationAccess>();
        services.TryAddSingleton<ClientHttpAddress>();
        services.AddSingleton(provider => new ClientStats(options, provider.GetRequiredService<NodeIdentity>(), provider.GetRequiredService<LiveAllocations>(),
            provider.GetRequiredService<ResourceInformer>().Cache, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new OrphanSweep(options, provider.GetRequiredService<NodeIdentity>(), provider.GetRequiredService<Clients.ResourceClient>(),
            provider.GetRequiredService<DriverRegistry>(), provider.GetRequiredService<TaskHandleFiles>(),
            provider.GetRequiredService<LiveAllocations>(), provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<OrphanSweep>>()));
        services.AddSingleton(provider => new ClientAgent(options, provider.GetRequiredService<NodeFingerprinter>(),
            provider.GetRequiredService<NodeRegistration>(), provider.GetRequiredService<Clients.ResourceClient>(),
            provider.GetRequiredService<OrphanSweep>(), provider.GetRequiredService<TaskHandleFiles>(),
            provider.GetRequiredService<LiveAllocations>(), provider.GetRequiredService<TaskLifecycle>(), provider.GetRequiredService<ClientHttpAddress>(),
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ClientAgent>>()));
        if (runAgent) services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<ClientAgent>());
        reconciler.Options.Kinds.Register<Secret>();
        reconciler.Options.Kinds.Register<Job>();
        reconciler.Options.Kinds.Register<Node>();
        return reconciler.AddController<AllocationRunner, Allocation>(controller =>
        {
            controller.Name = AllocationWakeup.ControllerName;
            controller.Workers = runnerWorkers;
            controller.WithPredicate(ChangePredicate.Where(change => change.Object is Allocation a && a.Spec.Node == options.NodeName));
            // Keeps this node in the cache for ${attr.*} and ${node.*}, also on a client-only agent whose runtime has no node controller.
            controller.Watch<Node>(_ => []);
        });
    }

    /// <summary>The client options an agent config gives (<c>data_dir</c>, <c>datacenter</c>, <c>[client]</c>).</summary>
    public static ClientOptions ClientOptionsFrom(AgentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ClientOptions
        {
            NodeName = config.Name ?? System.Environment.MachineName,
            DataDirectory = config.Client.StateDir ?? config.DataDir ?? throw new ArgumentException("The agent config has no data_dir.", nameof(config)),
            Datacenter = config.Datacenter,
            NodeClass = config.Client.NodeClass,
            Meta = config.Client.Meta,
            HostVolumes = config.Client.HostVolumes.ToDictionary(pair => pair.Key, pair => new NodeHostVolume { Path = pair.Value.Path, ReadOnly = pair.Value.ReadOnly }),
        };
    }
}
