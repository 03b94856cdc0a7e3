using Microsoft.Extensions.DependencyInjection;

using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;
using Reconciler.Store;

namespace Reconciler.Hosting;

/// <summary>How the embedded runtime is set up: its store, its kinds and admission rules, and its shutdown timeout.</summary>
public sealed class ReconcilerOptions
{
    /// <summary>How long shutdown waits for in-flight reconciles before cancelling them; default 30 seconds.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The kinds the store, the informer and manifests know; default <see cref="ResourceKindRegistry.Default"/>.</summary>
    public ResourceKindRegistry Kinds { get; set; } = ResourceKindRegistry.Default;

    /// <summary>Defaulting and validation for every kind; default <see cref="ResourceAdmission.Default"/>.</summary>
    public ResourceAdmission Admission { get; set; } = ResourceAdmission.Default;

    internal Func<IServiceProvider, IResourceStore>? StoreFactory { get; private set; }

    /// <summary>Keeps objects in memory only (tests, examples, <c>-dev</c>).</summary>
    public ReconcilerOptions UseInMemoryStore(ResourceStoreOptions? storeOptions = null) =>
        UseStore(services => new InMemoryResourceStore(
            services.GetRequiredService<ResourceJson>(), services.GetService<TimeProvider>(), storeOptions));

    /// <summary>Uses the store <paramref name="factory"/> creates; it is disposed with the service provider.</summary>
    public ReconcilerOptions UseStore(Func<IServiceProvider, IResourceStore> factory)
    {
        StoreFactory = factory;
        return this;
    }
}
