using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store.Writes;

namespace Reconciler.Store;

/// <summary>
/// The store kept in memory only: the same semantics as the durable store — revisions, conflicts,
/// stamping, transactions, watches with a bounded history, snapshots — for tests and the test kit.
/// Objects are held as JSON, so what is read back is a copy, as from disk.
/// </summary>
public sealed class InMemoryResourceStore : RevisionedResourceStore
{
    /// <summary>Creates an empty store over the kinds <paramref name="json"/> knows.</summary>
    public InMemoryResourceStore(ResourceJson json, TimeProvider? time = null, ResourceStoreOptions? options = null)
        : base(json, time ?? TimeProvider.System)
    {
        Open(new DictionaryState(), new ImmediateLog(), 0, [], options ?? new ResourceStoreOptions(), history: null);
    }

    /// <summary>Creates an empty store over the built-in kinds and any registered in <see cref="ResourceKindRegistry.Default"/>.</summary>
    public InMemoryResourceStore() : this(ResourceJson.Default) { }

    private sealed class DictionaryState : IObjectState
    {
        private readonly Dictionary<ResourceKey, byte[]> _objects = [];

        public byte[]? Read(ResourceKey key) => _objects.GetValueOrDefault(key);

        public void Apply(WritePlan plan)
        {
            foreach (var change in plan.Changes)
                if (change.IsDelete) _objects.Remove(change.Key);
                else _objects[change.Key] = change.Json;
        }

        public void Dispose() { }
    }

    /// <summary>Memory is as durable as it gets here: everything appended is durable at once.</summary>
    private sealed class ImmediateLog : IWriteAheadLog
    {
        private Action<long> _onDurable = _ => { };

        public void Start(Action<long> onDurable, Action<Exception> onFailed) => _onDurable = onDurable;

        public long Append(WritePlan plan) => plan.Revision;

        public void RequestCommit() => _onDurable(long.MaxValue);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
