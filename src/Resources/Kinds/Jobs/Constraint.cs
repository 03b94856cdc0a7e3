namespace Reconciler.Resources.Kinds;

/// <summary>A hard placement requirement: nodes that do not satisfy it are never chosen.</summary>
public sealed record Constraint
{
    /// <summary>The node attribute to test, e.g. <c>${attr.kernel.name}</c>; unused by distinct_hosts.</summary>
    public string? Attribute { get; init; }

    /// <summary>How the attribute is compared (default <c>=</c>).</summary>
    public ConstraintOperator Operator { get; init; } = ConstraintOperator.Equal;

    /// <summary>The value compared against; required by every operator except distinct_hosts, is_set and is_not_set.</summary>
    public string? Value { get; init; }
}
