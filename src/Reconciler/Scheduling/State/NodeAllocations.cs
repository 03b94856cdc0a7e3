using System.Collections.Immutable;

namespace Reconciler.Scheduling.State;

/// <summary>
/// The allocations that hold resources on one node, with their totals. Immutable: a change makes a new one,
/// so a scheduler can read a snapshot while the plan applier moves on.
/// </summary>
public sealed class NodeAllocations
{
    private FrozenPorts? _ports;

    /// <summary>A node with nothing on it.</summary>
    public static NodeAllocations Empty { get; } = new([], 0, 0);

    private NodeAllocations(ImmutableArray<AllocationRecord> allocations, int cpu, int memoryMB)
    {
        Allocations = allocations;
        Cpu = cpu;
        MemoryMB = memoryMB;
    }

    /// <summary>The non-terminal allocations on the node.</summary>
    public ImmutableArray<AllocationRecord> Allocations { get; }

    /// <summary>CPU reserved, MHz.</summary>
    public int Cpu { get; }

    /// <summary>Memory reserved, MB.</summary>
    public int MemoryMB { get; }

    /// <summary>True when <paramref name="port"/> is held by an allocation on the node.</summary>
    public bool PortInUse(int port) => (_ports ??= new FrozenPorts(Allocations)).Contains(port);

    /// <summary>A copy holding <paramref name="record"/> (replacing the record with its id), or without it when it is terminal.</summary>
    public NodeAllocations With(AllocationRecord record) => WithChanges([record]);

    /// <summary>A copy with every record of <paramref name="records"/> applied as by <see cref="With"/>.</summary>
    public NodeAllocations WithChanges(IReadOnlyCollection<AllocationRecord> records)
    {
        var ids = new HashSet<string>(records.Select(r => r.Id), StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<AllocationRecord>(Allocations.Length + records.Count);
        foreach (var existing in Allocations)
            if (!ids.Contains(existing.Id)) builder.Add(existing);
        foreach (var record in records)
            if (!record.IsTerminal) builder.Add(record);
        return From(builder.ToImmutable());
    }

    /// <summary>A copy without the allocation <paramref name="id"/>.</summary>
    public NodeAllocations Without(string id)
    {
        var index = -1;
        for (var i = 0; i < Allocations.Length; i++)
            if (Allocations[i].Id == id) index = i;
        return index < 0 ? this : From(Allocations.RemoveAt(index));
    }

    private static NodeAllocations From(ImmutableArray<AllocationRecord> allocations)
    {
        int cpu = 0, memory = 0;
        foreach (var a in allocations)
        {
            cpu += a.Cpu;
            memory += a.MemoryMB;
        }
        return new NodeAllocations(allocations, cpu, memory);
    }

    private sealed class FrozenPorts(ImmutableArray<AllocationRecord> allocations)
    {
        private readonly HashSet<int> _ports = [.. allocations.SelectMany(a => a.Ports)];

        public bool Contains(int port) => _ports.Contains(port);
    }
}
