using System.Collections.Concurrent;

using Reconciler.Resources.Model;

namespace Reconciler.Client.Runner;

/// <summary>Every allocation this client runs, by allocation id: the runner's live state, shared with <see cref="IAllocationAccess"/>.</summary>
internal sealed class LiveAllocations
{
    private readonly ConcurrentDictionary<string, LiveAllocation> _allocations = new(StringComparer.Ordinal);

    public LiveAllocation GetOrAdd(ResourceKey key) => _allocations.GetOrAdd(key.Name, _ => new LiveAllocation(key));

    public LiveAllocation? Find(string allocationId) => _allocations.GetValueOrDefault(allocationId);

    public void Remove(string allocationId) => _allocations.TryRemove(allocationId, out _);

    public IReadOnlyList<LiveAllocation> All() => [.. _allocations.Values];
}
