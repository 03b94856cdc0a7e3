using Microsoft.Extensions.DependencyInjection;

using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;
using Reconciler.Store;
using Reconciler.Store.Faster;

namespace Reconciler.Hosting;

/// <summary>How the embedded runtime is set up: its store, its kinds and admission rules, and its shutdown timeout.</summary>
public sealed class ReconcilerOptions
{
    /// <summary>How long shutdown waits for in-flight reconciles before cancelling them; default 30 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The kinds the store, the informer and manifests know; default <see cref="ResourceKindRegistry.Default"/>.</summary>
    public ResourceKindRegistry Kinds { get; set; } = ResourceKindRegistry.Default;

    /// <summary>
    /// Defaulting and validation for every kind: the built-in rules plus those of kinds added with
    /// <c>AddResourceKind</c>. Each runtime has its own, so two runtimes in one process do not share custom rules.
    /// </summary>
    public ResourceAdmission Admission { get; set; } = ResourceAdmission.CreateDefault();

    internal Func<IServiceProvider, IResourceStore>? StoreFactory { get; private set; }

    /// <summary>Keeps objects in memory only (tests, examples, <c>-dev</c>).</summary>
    public ReconcilerOptions UseInMemoryStore(ResourceStoreOptions? storeOptions = null) =>
        UseStore(services => new InMemoryResourceStore(
            services.GetRequiredService<ResourceJson>(), services.GetService<TimeProvider>(), storeOptions));

    /// <summary>
    /// Keeps objects durably in <paramref name="dataDirectory"/> with the FASTER store (opened, and recovered,
    /// when the store is first resolved); <paramref name="tune"/> may adjust its other options.
    /// </summary>
    public ReconcilerOptions UseFasterStore(string dataDirectory, Func<FasterResourceStoreOptions, FasterResourceStoreOptions>? tune = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var storeOptions = new FasterResourceStoreOptions { DataDirectory = dataDirectory };
        if (tune is not null) storeOptions = tune(storeOptions);
        // DI has no async factories: opening replays the log, so it runs once, off any synchronization context.
        return UseStore(services => Task.Run(async () => (IResourceStore)await FasterResourceStore.OpenAsync(
            storeOptions, services.GetRequiredService<ResourceJson>(), services.GetService<TimeProvider>()).ConfigureAwait(false)).GetAwaiter().GetResult());
    }

    /// <summary>Uses the store <paramref name="factory"/> creates; it is disposed with the service provider.</summary>
    public ReconcilerOptions UseStore(Func<IServiceProvider, IResourceStore> factory)
    {
        StoreFactory = factory;
        return this;
    }
}
