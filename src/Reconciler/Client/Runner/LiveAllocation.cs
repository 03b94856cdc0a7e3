using System.Collections.Concurrent;

using Reconciler.Resources.Model;

namespace Reconciler.Client.Runner;

/// <summary>The tasks of one allocation this client runs, by task name.</summary>
internal sealed class LiveAllocation(ResourceKey key)
{
    public ResourceKey Key { get; } = key;
    public string Id => Key.Name;
    public ConcurrentDictionary<string, LiveTask> Tasks { get; } = new(StringComparer.Ordinal);

    /// <summary>The persisted handles were looked at (once per client start).</summary>
    public bool Recovered { get; set; }

    /// <summary>The kill of every task, once started (the servers stopped the allocation, or a task failed); set under <see cref="Gate"/>.</summary>
    public Task? Stopping { get; set; }

    /// <summary>Serialises a reconcile with an operator's restart or exec lookup.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);
}
