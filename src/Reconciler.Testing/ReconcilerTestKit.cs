using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using Reconciler.Clients;
using Reconciler.Hosting;
using Reconciler.Informers;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Testing;

/// <summary>
/// A real runtime on an in-memory store and a <see cref="FakeTimeProvider"/>, for deterministic reconciler tests:
/// write objects through <see cref="Client"/>, call <see cref="RunUntilIdleAsync"/>, look at the store. Time only
/// moves when the test moves it (<see cref="AdvanceAsync"/>), so backoffs and requeues happen exactly when asked.
/// </summary>
public sealed class ReconcilerTestKit : IAsyncDisposable
{
    /// <summary>How long a wait for idleness may take before the kit reports a runtime that never settles.</summary>
    public static TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;
    private bool _stopped;

    private ReconcilerTestKit(ServiceProvider services, FakeTimeProvider time)
    {
        _services = services;
        Time = time;
        Runtime = services.GetRequiredService<ReconcilerRuntime>();
    }

    /// <summary>The fake clock every timer of the runtime runs on.</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>The services the runtime was built from.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The runtime under test.</summary>
    public ReconcilerRuntime Runtime { get; }

    /// <summary>The in-memory store.</summary>
    public IResourceStore Store => _services.GetRequiredService<IResourceStore>();

    /// <summary>The client controllers use: apply, delete with finalizers, status.</summary>
    public ResourceClient Client => _services.GetRequiredService<ResourceClient>();

    /// <summary>The informer's read cache.</summary>
    public ResourceCache Cache => Runtime.Informer.Cache;

    /// <summary>
    /// Builds and starts a runtime: <paramref name="configure"/> adds controllers and kinds, <paramref name="services"/>
    /// adds whatever the reconcilers need. The store is in memory unless <paramref name="options"/> chooses another.
    /// </summary>
    public static async Task<ReconcilerTestKit> StartAsync(
        Action<ReconcilerBuilder> configure,
        Action<IServiceCollection>? services = null,
        Action<ReconcilerOptions>? options = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        services?.Invoke(collection);
        configure(collection.AddReconciler(o =>
        {
            o.UseInMemoryStore();
            options?.Invoke(o);
        }));
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var kit = new ReconcilerTestKit(provider, time);
        await kit.Runtime.StartAsync(CancellationToken.None).ConfigureAwait(false);
        return kit;
    }

    /// <summary>Applies <paramref name="resource"/> (create or update) and returns it as stored.</summary>
    public ValueTask<T> ApplyAsync<T>(T resource) where T : Resource => Client.ApplyAsync(resource);

    /// <summary>Reads an object from the store, or null.</summary>
    public ValueTask<T?> GetAsync<T>(ResourceKey key) where T : Resource => Client.GetAsync<T>(key);

    /// <summary>
    /// Waits until the informer has seen every write and no controller has a key ready or in flight. Keys waiting
    /// for a delay stay waiting: time does not move.
    /// </summary>
    public Task RunUntilIdleAsync() => WithinSettleTimeoutAsync(Runtime.WaitForIdleAsync, "settle");

    /// <summary>Waits until the informer's cache reflects every write so far (reconciles may still be running).</summary>
    public Task SyncCacheAsync() => WithinSettleTimeoutAsync(Runtime.WaitForCacheSyncAsync, "sync its cache");

    private static async Task WithinSettleTimeoutAsync(Func<CancellationToken, Task> wait, string what)
    {
        using var timeout = new CancellationTokenSource(SettleTimeout);
        try
        {
            await wait(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The runtime did not {what} within {SettleTimeout}: a reconciler may be blocked or requeue itself without delay.");
        }
    }

    /// <summary>
    /// Moves time forward by <paramref name="duration"/>, stopping at every moment a delayed key becomes ready and
    /// running the runtime until idle there, so retries and requeues inside the span happen in order.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan duration)
    {
        var end = Time.GetUtcNow() + duration;
        await RunUntilIdleAsync().ConfigureAwait(false);
        while (Runtime.NextDelayedAt is { } next && next <= end)
        {
            if (next > Time.GetUtcNow()) Time.SetUtcNow(next);
            await RunUntilIdleAsync().ConfigureAwait(false);
        }
        if (end > Time.GetUtcNow()) Time.SetUtcNow(end);
        await RunUntilIdleAsync().ConfigureAwait(false);
    }

    /// <summary>Moves time to the moment the next delayed key becomes ready and runs until idle; false when none waits.</summary>
    public async Task<bool> AdvanceToNextDelayedAsync()
    {
        await RunUntilIdleAsync().ConfigureAwait(false);
        if (Runtime.NextDelayedAt is not { } next) return false;
        if (next > Time.GetUtcNow()) Time.SetUtcNow(next);
        await RunUntilIdleAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Stops the runtime as a host would, letting in-flight reconciles finish.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        await Runtime.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
