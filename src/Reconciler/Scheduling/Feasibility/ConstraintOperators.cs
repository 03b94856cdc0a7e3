using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>The operators as people write them, for placement-failure messages.</summary>
public static class ConstraintOperators
{
    /// <summary>The spelling of <paramref name="op"/> in a job spec, e.g. <c>&gt;=</c> or <c>set_contains</c>.</summary>
    public static string Spelling(ConstraintOperator op) => op switch
    {
        ConstraintOperator.Equal => "=",
        ConstraintOperator.NotEqual => "!=",
        ConstraintOperator.LessThan => "<",
        ConstraintOperator.LessThanOrEqual => "<=",
        ConstraintOperator.GreaterThan => ">",
        ConstraintOperator.GreaterThanOrEqual => ">=",
        ConstraintOperator.Regexp => "regexp",
        ConstraintOperator.Version => "version",
        ConstraintOperator.SetContains => "set_contains",
        ConstraintOperator.DistinctHosts => "distinct_hosts",
        ConstraintOperator.DistinctProperty => "distinct_property",
        ConstraintOperator.IsSet => "is_set",
        ConstraintOperator.IsNotSet => "is_not_set",
        _ => op.ToString(),
    };

    /// <summary>A constraint as a person reads it, e.g. <c>${attr.kernel.name} = windows</c>.</summary>
    public static string Describe(string? attribute, ConstraintOperator op, string? value) =>
        string.Join(' ', new[] { attribute, Spelling(op), value }.Where(p => !string.IsNullOrEmpty(p)));
}
