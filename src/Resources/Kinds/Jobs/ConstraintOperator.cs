using System.Text.Json.Serialization;

namespace Reconciler.Resources.Kinds;

/// <summary>The comparisons of constraints and affinities, spelled as in Nomad.</summary>
public enum ConstraintOperator
{
    /// <summary>Equal strings.</summary>
    [JsonStringEnumMemberName("=")] Equal,
    /// <summary>Different strings.</summary>
    [JsonStringEnumMemberName("!=")] NotEqual,
    /// <summary>Less than, numerically when both sides are numbers.</summary>
    [JsonStringEnumMemberName("<")] LessThan,
    /// <summary>Less than or equal.</summary>
    [JsonStringEnumMemberName("<=")] LessThanOrEqual,
    /// <summary>Greater than.</summary>
    [JsonStringEnumMemberName(">")] GreaterThan,
    /// <summary>Greater than or equal.</summary>
    [JsonStringEnumMemberName(">=")] GreaterThanOrEqual,
    /// <summary>The attribute matches the regular expression in the value.</summary>
    [JsonStringEnumMemberName("regexp")] Regexp,
    /// <summary>The attribute satisfies a version constraint such as <c>&gt;= 1.2, &lt; 2.0</c>.</summary>
    [JsonStringEnumMemberName("version")] Version,
    /// <summary>The comma-separated attribute contains every comma-separated value.</summary>
    [JsonStringEnumMemberName("set_contains")] SetContains,
    /// <summary>No two allocations of the group share a node.</summary>
    [JsonStringEnumMemberName("distinct_hosts")] DistinctHosts,
    /// <summary>At most value (default 1) allocations share one value of the attribute.</summary>
    [JsonStringEnumMemberName("distinct_property")] DistinctProperty,
    /// <summary>The attribute exists.</summary>
    [JsonStringEnumMemberName("is_set")] IsSet,
    /// <summary>The attribute does not exist.</summary>
    [JsonStringEnumMemberName("is_not_set")] IsNotSet,
}
