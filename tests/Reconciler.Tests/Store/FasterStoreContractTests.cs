using Reconciler.Resources.Json;
using Reconciler.Store;
using Reconciler.Store.Faster;

namespace Reconciler.Tests.Store;

public sealed class FasterStoreFactory : IStoreFactory
{
    private readonly List<string> _directories = [];

    public async Task<IResourceStore> CreateAsync(ResourceJson json, TimeProvider time, ResourceStoreOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("reconciler-store-test-").FullName;
        _directories.Add(directory);
        return await FasterResourceStore.OpenAsync(new FasterResourceStoreOptions
        {
            DataDirectory = directory,
            WatchWindowRevisions = options.WatchWindowRevisions,
            WatcherBufferEvents = options.WatcherBufferEvents,
            LogPageSizeBits = 16,
            ObjectMemoryBytes = 1L << 24,
        }, json, time);
    }

    public async Task TruncateHistoryAsync(IResourceStore store)
    {
        // The log is truncated behind the checkpoint before the latest, so it takes two.
        await ((FasterResourceStore)store).CheckpointAsync();
        await ((FasterResourceStore)store).CheckpointAsync();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var directory in _directories) Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class FasterReadWriteTests : ReadWriteContract<FasterStoreFactory>;

public sealed class FasterTransactionTests : TransactionContract<FasterStoreFactory>;

public sealed class FasterWatchTests : WatchContract<FasterStoreFactory>;

public sealed class FasterSnapshotTests : SnapshotContract<FasterStoreFactory>;
