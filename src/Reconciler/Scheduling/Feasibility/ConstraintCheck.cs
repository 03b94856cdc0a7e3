using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>A constraint comparing a node property with a value (every operator but distinct_hosts and distinct_property).</summary>
public sealed class ConstraintCheck(Constraint constraint) : IFeasibilityCheck
{
    private readonly string _reason = "constraint " + ConstraintOperators.Describe(constraint.Attribute, constraint.Operator, constraint.Value);

    private readonly Func<Node, string?> _attribute = NodeProperty.Resolver(constraint.Attribute);

    // The value side may name a node property too, e.g. "${meta.rack}".
    private readonly Func<Node, string?> _value = NodeProperty.Resolver(constraint.Value);

    /// <inheritdoc />
    public string? WhyInfeasible(Node node)
    {
        var actual = _attribute(node);
        return ValueComparison.Holds(constraint.Operator, actual is not null, actual ?? "", _value(node)) ? null : _reason;
    }
}
