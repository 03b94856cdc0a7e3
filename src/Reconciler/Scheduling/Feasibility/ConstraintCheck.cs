using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>A constraint comparing a node property with a value (every operator but distinct_hosts and distinct_property).</summary>
public sealed class ConstraintCheck(Constraint constraint) : IFeasibilityCheck
{
    private readonly string _reason = "constraint " + ConstraintOperators.Describe(constraint.Attribute, constraint.Operator, constraint.Value);

    /// <inheritdoc />
    public string? WhyInfeasible(Node node)
    {
        var found = NodeProperty.TryResolve(node, constraint.Attribute, out var actual);
        // The value side may name a node property too, e.g. "${meta.rack}".
        var expected = constraint.Value is { } v && NodeProperty.TryResolve(node, v, out var resolved) ? resolved : constraint.Value;
        return ValueComparison.Holds(constraint.Operator, found, actual, expected) ? null : _reason;
    }
}
