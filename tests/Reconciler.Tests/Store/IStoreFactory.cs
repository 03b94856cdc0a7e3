using Microsoft.Extensions.Time.Testing;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Tests.Store;

/// <summary>Creates the store implementation a contract test class runs against.</summary>
public interface IStoreFactory : IAsyncDisposable
{
    /// <summary>A fresh, empty store.</summary>
    Task<IResourceStore> CreateAsync(ResourceJson json, TimeProvider time, ResourceStoreOptions options);

    /// <summary>Drops durable history beyond the in-memory watch window (a checkpoint truncating the log), so compaction can be tested.</summary>
    Task TruncateHistoryAsync(IResourceStore store) => Task.CompletedTask;

    /// <summary>The kinds every contract test uses: the built-in ones plus <see cref="Widget"/>.</summary>
    static ResourceJson TestJson()
    {
        var kinds = ResourceKindRegistry.CreateDefault();
        kinds.Register<Widget>();
        return new ResourceJson(kinds);
    }

    /// <summary>A fixed clock so createdAt can be asserted exactly.</summary>
    static FakeTimeProvider TestClock() => new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
}
