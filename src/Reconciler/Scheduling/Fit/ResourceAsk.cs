using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Fit;

/// <summary>What one allocation of a task group reserves on its node: CPU, memory and ports.</summary>
/// <param name="Cpu">CPU over all tasks, MHz.</param>
/// <param name="MemoryMB">Memory over all tasks, MB.</param>
/// <param name="Ports">The group's network ports, static and dynamic.</param>
/// <param name="PerTask">Resources per task name, as recorded on the allocation.</param>
public sealed record ResourceAsk(int Cpu, int MemoryMB, IReadOnlyList<NetworkPort> Ports, IReadOnlyDictionary<string, TaskResources> PerTask)
{
    /// <summary>The ask of one allocation of <paramref name="group"/>.</summary>
    public static ResourceAsk Of(TaskGroup group) => new(
        group.Tasks.Sum(t => t.Resources.Cpu),
        group.Tasks.Sum(t => t.Resources.MemoryMB),
        group.Network.Ports,
        group.Tasks.ToDictionary(t => t.Name, t => t.Resources, StringComparer.Ordinal));
}
