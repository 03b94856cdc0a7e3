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

    /// <summary>A token that ends a test stuck waiting for an event that never comes, instead of hanging the run.</summary>
    protected static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    /// <summary>Reads the next <paramref name="count"/> events of a watch.</summary>
    protected static async Task<List<WatchEvent>> TakeAsync(IAsyncEnumerable<WatchEvent> watch, int count)
    {
        var events = new List<WatchEvent>();
        if (count == 0) return events;
        await foreach (var e in watch.WithCancellation(Deadline()))
        {
            events.Add(e);
            if (events.Count == count) break;
        }
        return events;
    }
}
