using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Placement;

namespace Reconciler.Scheduling.Fit;

/// <summary>
/// Checks CPU, memory and ports of one allocation against a node as the plan leaves it, and assigns ports: static
/// ones must be free, dynamic ones are drawn from the configured range.
/// </summary>
public sealed class NodeFit(SchedulerOptions options, Random random)
{
    private const int RandomPortTries = 20;

    // Most nodes looked at are full: answering them must not allocate.
    private static readonly FitResult CpuExhausted = FitResult.Out("cpu");
    private static readonly FitResult MemoryExhausted = FitResult.Out("memory");

    /// <summary>Whether <paramref name="ask"/> fits <paramref name="node"/> given <paramref name="usage"/>.</summary>
    public FitResult Check(Node node, ProposedUsage usage, ResourceAsk ask)
    {
        var name = node.Metadata.Name;
        var (cpu, memory) = usage.UsedOn(name);
        if (cpu + ask.Cpu > node.Spec.Resources.Cpu) return CpuExhausted;
        if (memory + ask.MemoryMB > node.Spec.Resources.MemoryMB) return MemoryExhausted;
        if (ask.Ports.Count == 0) return new FitResult(null, cpu + ask.Cpu, memory + ask.MemoryMB, []);

        var assigned = new List<AllocatedPort>(ask.Ports.Count);
        var taken = new HashSet<int>();
        foreach (var port in ask.Ports.Where(p => p.Static is not null))
        {
            var value = port.Static!.Value;
            if (usage.PortInUse(name, value) || !taken.Add(value)) return FitResult.Out($"network: reserved port collision {port.Label}={value}");
            assigned.Add(new AllocatedPort { Label = port.Label, Value = value, To = port.To });
        }
        foreach (var port in ask.Ports.Where(p => p.Static is null))
        {
            if (DynamicPort(name, usage, taken) is not { } value) return FitResult.Out("network: dynamic port selection failed");
            taken.Add(value);
            assigned.Add(new AllocatedPort { Label = port.Label, Value = value, To = port.To ?? value });
        }
        return new FitResult(null, cpu + ask.Cpu, memory + ask.MemoryMB, assigned);
    }

    private int? DynamicPort(string node, ProposedUsage usage, HashSet<int> taken)
    {
        bool Free(int p) => !taken.Contains(p) && !usage.PortInUse(node, p);
        for (var i = 0; i < RandomPortTries; i++)
        {
            var candidate = random.Next(options.MinDynamicPort, options.MaxDynamicPort + 1);
            if (Free(candidate)) return candidate;
        }
        for (var p = options.MinDynamicPort; p <= options.MaxDynamicPort; p++)
            if (Free(p)) return p;
        return null;
    }
}
