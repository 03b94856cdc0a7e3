using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>
/// Compares a node's value with a constraint's value under one operator, as Nomad does: ordering is numeric when
/// both sides are numbers and ordinal otherwise; only <c>!=</c> and <c>is_not_set</c> hold for an unset value.
/// </summary>
public static class ValueComparison
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    /// <summary>True when the node value (<paramref name="found"/> says whether it is set) satisfies <paramref name="op"/> against <paramref name="expected"/>.</summary>
    public static bool Holds(ConstraintOperator op, bool found, string actual, string? expected) => op switch
    {
        ConstraintOperator.IsSet => found,
        ConstraintOperator.IsNotSet => !found,
        ConstraintOperator.NotEqual => !found || !string.Equals(actual, expected, StringComparison.Ordinal),
        _ when !found || expected is null => false,
        ConstraintOperator.Equal => string.Equals(actual, expected, StringComparison.Ordinal),
        ConstraintOperator.LessThan => Order(actual, expected) < 0,
        ConstraintOperator.LessThanOrEqual => Order(actual, expected) <= 0,
        ConstraintOperator.GreaterThan => Order(actual, expected) > 0,
        ConstraintOperator.GreaterThanOrEqual => Order(actual, expected) >= 0,
        ConstraintOperator.Regexp => Pattern(expected)?.IsMatch(actual) == true,
        ConstraintOperator.Version => VersionConstraint.Parse(expected)?.IsSatisfiedBy(actual) == true,
        ConstraintOperator.SetContains => SetContains(actual, expected),
        _ => false,
    };

    private static int Order(string left, string right) =>
        double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
        && double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? l.CompareTo(r)
            : string.CompareOrdinal(left, right);

    private static bool SetContains(string actual, string expected)
    {
        var have = actual.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return expected.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).All(have.Contains);
    }

    private static Regex? Pattern(string pattern) => Patterns.GetOrAdd(pattern, p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });
}
