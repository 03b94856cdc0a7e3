using Reconciler.Resources.Json;
using Reconciler.Store;

namespace Reconciler.Tests.Store;

public sealed class InMemoryStoreFactory : IStoreFactory
{
    public Task<IResourceStore> CreateAsync(ResourceJson json, TimeProvider time, ResourceStoreOptions options) =>
        Task.FromResult<IResourceStore>(new InMemoryResourceStore(json, time, options));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class InMemoryReadWriteTests : ReadWriteContract<InMemoryStoreFactory>;

public sealed class InMemoryTransactionTests : TransactionContract<InMemoryStoreFactory>;

public sealed class InMemoryWatchTests : WatchContract<InMemoryStoreFactory>;

public sealed class InMemorySnapshotTests : SnapshotContract<InMemoryStoreFactory>;
