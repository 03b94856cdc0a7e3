using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Fit;

/// <summary>Whether an allocation fits a node and, when it does, the node's use afterwards and the ports assigned.</summary>
/// <param name="Exhausted">Null when it fits; otherwise the dimension that ran out, e.g. <c>memory</c>.</param>
/// <param name="CpuAfter">CPU reserved on the node with the allocation, MHz.</param>
/// <param name="MemoryAfter">Memory reserved on the node with the allocation, MB.</param>
/// <param name="Ports">The host ports assigned.</param>
public sealed record FitResult(string? Exhausted, int CpuAfter, int MemoryAfter, IReadOnlyList<AllocatedPort> Ports)
{
    /// <summary>The allocation fits.</summary>
    public bool Fits => Exhausted is null;

    /// <summary>A result saying <paramref name="dimension"/> ran out.</summary>
    public static FitResult Out(string dimension) => new(dimension, 0, 0, []);
}
