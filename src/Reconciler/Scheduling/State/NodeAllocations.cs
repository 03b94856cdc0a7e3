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
    public NodeAllocations WithChanges(IReadOnlyList<AllocationRecord> records)
    {
        // A commit usually changes one or two of the hundred allocations a node may hold: scan the few changed ids
        // rather than hash every id held, and keep the totals without a second pass.
        if (!Replaces(records)) return WithNew(records);
        var many = records.Count > ScanLimit ? new HashSet<string>(records.Select(r => r.Id), StringComparer.Ordinal) : null;
        var kept = ImmutableArray.CreateBuilder<AllocationRecord>(Allocations.Length);
        int cpu = 0, memory = 0;
        foreach (var existing in Allocations)
        {
            if (many?.Contains(existing.Id) ?? Names(records, existing.Id)) continue;
            kept.Add(existing);
            cpu += existing.Cpu;
            memory += existing.MemoryMB;
        }
        return new NodeAllocations(kept.DrainToImmutable(), cpu, memory).WithNew(records);
    }

    /// <summary>
    /// A copy with <paramref name="records"/>, none of which the node holds yet, added (terminal ones skipped): the
    /// common case of a plan's placements, appended without looking at what is held.
    /// </summary>
    public NodeAllocations WithNew(IReadOnlyList<AllocationRecord> records)
    {
        var builder = ImmutableArray.CreateBuilder<AllocationRecord>(Allocations.Length + records.Count);
        builder.AddRange(Allocations);
        int cpu = Cpu, memory = MemoryMB;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.IsTerminal) continue;
            builder.Add(record);
            cpu += record.Cpu;
            memory += record.MemoryMB;
        }
        return new NodeAllocations(builder.DrainToImmutable(), cpu, memory);
    }

    // True when a record replaces one held: checked from the records' side, which is the short one.
    private bool Replaces(IReadOnlyList<AllocationRecord> records)
    {
        if (Allocations.IsEmpty) return false;
        if (records.Count > ScanLimit) return true;
        for (var i = 0; i < records.Count; i++)
            foreach (var held in Allocations)
                if (string.Equals(held.Id, records[i].Id, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A copy without the allocation <paramref name="id"/>.</summary>
    public NodeAllocations Without(string id)
    {
        var index = -1;
        for (var i = 0; i < Allocations.Length; i++)
            if (Allocations[i].Id == id) index = i;
        return index < 0 ? this : From(Allocations.RemoveAt(index));
    }

    private const int ScanLimit = 8;

    private static bool Names(IReadOnlyList<AllocationRecord> records, string id)
    {
        for (var i = 0; i < records.Count; i++)
            if (string.Equals(records[i].Id, id, StringComparison.Ordinal)) return true;
        return false;
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
