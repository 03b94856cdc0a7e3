using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>Every driver the group's tasks use is detected and healthy on the node.</summary>
public sealed class DriverCheck(IReadOnlyCollection<string> drivers) : IFeasibilityCheck
{
    /// <inheritdoc />
    public string? WhyInfeasible(Node node)
    {
        foreach (var driver in drivers)
        {
            if (!node.Spec.Drivers.TryGetValue(driver, out var info) || !info.Detected) return $"missing driver {driver}";
            if (!info.Healthy) return $"unhealthy driver {driver}";
        }
        return null;
    }
}
