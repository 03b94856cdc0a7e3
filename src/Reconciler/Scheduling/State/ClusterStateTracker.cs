using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.State;

/// <summary>
/// Holds the current <see cref="ClusterState"/> and moves it forward as nodes and allocations change: the plan
/// applier reports what it committed, a feed from the store reports everything else (clients finishing
/// allocations, nodes registering). Readers take <see cref="Current"/>, an immutable snapshot.
/// </summary>
public sealed class ClusterStateTracker
{
    private readonly Lock _gate = new();
    private ClusterState _current = ClusterState.Empty;

    /// <summary>The state as of the last change.</summary>
    public ClusterState Current => Volatile.Read(ref _current);

    /// <summary>Raised after a change that may have freed capacity (an allocation ended, a node became usable).</summary>
    public event Action? CapacityMayHaveFreed;

    /// <summary>Replaces everything with <paramref name="nodes"/> and <paramref name="allocations"/> (a relist).</summary>
    public void Reset(IEnumerable<Node> nodes, IEnumerable<AllocationRecord> allocations)
    {
        lock (_gate) Volatile.Write(ref _current, ClusterState.Of(nodes, allocations));
        CapacityMayHaveFreed?.Invoke();
    }

    /// <summary>Records a node as created or changed.</summary>
    public void Observe(Node node)
    {
        lock (_gate)
        {
            // Heartbeats rewrite a node without changing what the scheduler looks at: keep the state as it is.
            if (_current.Nodes.TryGetValue(node.Metadata.Name, out var held)
                && held.Metadata.Generation == node.Metadata.Generation && held.Status.State == node.Status.State) return;
            Volatile.Write(ref _current, _current.WithNodes([node]));
        }
        CapacityMayHaveFreed?.Invoke();
    }

    /// <summary>Records a node as deleted.</summary>
    public void ForgetNode(string name)
    {
        lock (_gate) Volatile.Write(ref _current, _current.WithoutNode(name));
    }

    /// <summary>Records allocations as created or changed.</summary>
    public void Observe(IReadOnlyCollection<AllocationRecord> records)
    {
        if (records.Count == 0) return;
        bool freed;
        lock (_gate)
        {
            var before = _current;
            freed = records.Any(r => r.IsTerminal && before.Find(r.JobKey, r.Id) is { IsTerminal: false });
            Volatile.Write(ref _current, before.WithAllocations(records));
        }
        if (freed) CapacityMayHaveFreed?.Invoke();
    }

    /// <summary>Records an allocation as deleted.</summary>
    public void Forget(AllocationRecord record)
    {
        lock (_gate) Volatile.Write(ref _current, _current.WithoutAllocation(record.JobKey, record.Id));
        CapacityMayHaveFreed?.Invoke();
    }
}
