using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reconciler.Clients;
using Reconciler.Informers;
using Reconciler.LeaderElection;
using Reconciler.Metrics;
using Reconciler.Queue;
using Reconciler.Resources.Json;
using Reconciler.Resources.Manifests;
using Reconciler.Store;

namespace Reconciler.Hosting;

/// <summary>Embeds the controller runtime in any Microsoft.Extensions.Hosting application.</summary>
public static class ReconcilerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store, informer, client, manifest reader (with the runtime's kinds and admission), metrics and a hosted service running every controller added
    /// to the returned builder: <c>services.AddReconciler(o =&gt; o.UseInMemoryStore()).AddController&lt;R, T&gt;()</c>.
    /// </summary>
    public static ReconcilerBuilder AddReconciler(this IServiceCollection services, Action<ReconcilerOptions>? configure = null)
    {
        var options = new ReconcilerOptions();
        configure?.Invoke(options);
        if (options.StoreFactory is null) options.UseInMemoryStore();
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton(options.Kinds);
        services.TryAddSingleton(options.Admission);
        services.TryAddSingleton(provider => new ManifestReader(options.Kinds, options.Admission));
        services.TryAddSingleton(provider => new ResourceJson(provider.GetRequiredService<ReconcilerOptions>().Kinds));
        services.TryAddSingleton(provider => provider.GetRequiredService<ReconcilerOptions>().StoreFactory!(provider));
        services.TryAddSingleton<ActivitySignal>();
        services.TryAddSingleton(provider => new ResourceInformer(
            provider.GetRequiredService<IResourceStore>(),
            provider.GetRequiredService<ILogger<ResourceInformer>>(),
            provider.GetRequiredService<ActivitySignal>(),
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<ResourceInformer>().Cache);
        services.TryAddSingleton(provider => new ResourceClient(provider.GetRequiredService<IResourceStore>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ReconcilerMetrics>();
        services.TryAddSingleton<ILeaderElection, SingleServerLeaderElection>();
        services.TryAddSingleton<ReconcilerRuntime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReconcilerHostedService>());
        return new ReconcilerBuilder(services, options);
    }
}
