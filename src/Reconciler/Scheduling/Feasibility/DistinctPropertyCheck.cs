using System.Globalization;

using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Placement;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>distinct_property: at most <c>value</c> (default 1) allocations of the group share one value of the property.</summary>
public sealed class DistinctPropertyCheck(Constraint constraint, GroupPresence presence) : IFeasibilityCheck
{
    private readonly int _limit = int.TryParse(constraint.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
    private readonly string _reason = $"constraint distinct_property {constraint.Attribute}";

    /// <summary>The property counted.</summary>
    public string Attribute => constraint.Attribute ?? "";

    /// <inheritdoc />
    public string? WhyInfeasible(Node node)
    {
        if (!NodeProperty.TryResolve(node, constraint.Attribute, out var value)) return $"{_reason}: property not set";
        return presence.CountWhere(Attribute, value) >= _limit ? _reason : null;
    }
}
