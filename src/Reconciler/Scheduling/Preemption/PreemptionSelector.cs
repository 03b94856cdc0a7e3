using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Fit;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Preemption;

/// <summary>
/// Picks the allocations to evict from one node so an allocation of a higher-priority job fits: only allocations
/// whose job priority is at least the gap lower qualify; the lowest priorities go first, larger ones before smaller
/// within a priority, and any victim not actually needed is given back, so the set is small and cheap.
/// </summary>
public sealed class PreemptionSelector(int priorityGap)
{
    /// <summary>
    /// The victims on <paramref name="node"/> (whose live allocations are <paramref name="allocations"/>) that make
    /// room for <paramref name="ask"/> of a job with <paramref name="priority"/>; null when no eligible set does.
    /// </summary>
    public IReadOnlyList<AllocationRecord>? Select(Node node, IReadOnlyList<AllocationRecord> allocations, ResourceAsk ask, int priority, string jobKey)
    {
        var eligible = allocations.Where(a => a.Priority <= priority - priorityGap && a.JobKey != jobKey).ToList();
        var staticPorts = ask.Ports.Where(p => p.Static is not null).Select(p => p.Static!.Value).ToHashSet();
        var required = allocations.Where(a => a.Ports.Any(staticPorts.Contains)).ToList();
        if (required.Any(a => !eligible.Contains(a))) return null;

        var capacity = node.Spec.Resources;
        var cpu = allocations.Sum(a => a.Cpu) + ask.Cpu;
        var memory = allocations.Sum(a => a.MemoryMB) + ask.MemoryMB;
        bool Fits(int c, int m) => c <= capacity.Cpu && m <= capacity.MemoryMB;

        var chosen = new List<AllocationRecord>(required);
        cpu -= required.Sum(a => a.Cpu);
        memory -= required.Sum(a => a.MemoryMB);
        foreach (var victim in eligible.Except(required).OrderBy(a => a.Priority).ThenByDescending(a => Share(a, capacity)).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            if (Fits(cpu, memory)) break;
            chosen.Add(victim);
            cpu -= victim.Cpu;
            memory -= victim.MemoryMB;
        }
        if (!Fits(cpu, memory)) return null;

        // Give back victims that turned out unnecessary, the most valuable first.
        foreach (var victim in chosen.Except(required).OrderByDescending(a => a.Priority).ThenBy(a => Share(a, capacity)).ThenBy(a => a.Id, StringComparer.Ordinal).ToList())
        {
            if (!Fits(cpu + victim.Cpu, memory + victim.MemoryMB)) continue;
            chosen.Remove(victim);
            cpu += victim.Cpu;
            memory += victim.MemoryMB;
        }
        return chosen;
    }

    private static double Share(AllocationRecord a, NodeResources capacity) =>
        (capacity.Cpu == 0 ? 0 : (double)a.Cpu / capacity.Cpu) + (capacity.MemoryMB == 0 ? 0 : (double)a.MemoryMB / capacity.MemoryMB);
}
