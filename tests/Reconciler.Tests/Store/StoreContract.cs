using Microsoft.Extensions.Time.Testing;
using Reconciler.Resources.Json;
using Reconciler.Store;

namespace Reconciler.Tests.Store;

/// <summary>
/// The base of every contract test class: creates stores through <typeparamref name="TFactory"/> so the
/// same tests run against each implementation, and disposes them afterwards.
/// </summary>
public abstract class StoreContract<TFactory> : IAsyncLifetime where TFactory : IStoreFactory, new()
{
    private readonly TFactory _factory = new();
    private readonly List<IResourceStore> _stores = [];

    protected TFactory Factory => _factory;

    protected ResourceJson Json { get; } = IStoreFactory.TestJson();

    protected FakeTimeProvider Clock { get; } = IStoreFactory.TestClock();

    protected async Task<IResourceStore> CreateStoreAsync(ResourceStoreOptions? options = null)
    {
        var store = await _factory.CreateAsync(Json, Clock, options ?? new ResourceStoreOptions());
        _stores.Add(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
        await _factory.DisposeAsync();
    }

    protected static CancellationToken Deadline() => WatchReader.Deadline();

    protected static Task<List<WatchEvent>> TakeAsync(IAsyncEnumerable<WatchEvent> watch, int count) => WatchReader.TakeAsync(watch, count);
}
