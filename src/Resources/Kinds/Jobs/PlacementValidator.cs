using System.Text.RegularExpressions;
using Reconciler.Resources.Reflection;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>Checks a group's constraints, affinities and spreads beyond their shape.</summary>
internal static class PlacementValidator
{
    private static readonly ConstraintOperator[] WithoutValue =
        [ConstraintOperator.DistinctHosts, ConstraintOperator.DistinctProperty, ConstraintOperator.IsSet, ConstraintOperator.IsNotSet];

    public static void Validate(TaskGroup group, string path, ValidationReport report)
    {
        for (var i = 0; i < group.Constraints.Count; i++)
            ValidateConstraint(group.Constraints[i], $"{path}.constraints[{i}]", report);
        for (var i = 0; i < group.Affinities.Count; i++)
            ValidateAffinity(group.Affinities[i], $"{path}.affinities[{i}]", report);
        for (var i = 0; i < group.Spreads.Count; i++)
        {
            var total = group.Spreads[i].Targets.Sum(t => t.Percent);
            if (total > 100)
                report.Add($"{path}.spreads[{i}].targets", $"the target percentages add up to {total}", "they may add up to at most 100");
        }
    }

    private static void ValidateConstraint(Constraint constraint, string path, ValidationReport report)
    {
        if (constraint.Operator != ConstraintOperator.DistinctHosts && string.IsNullOrEmpty(constraint.Attribute))
            report.Add($"{path}.attribute", "missing required field 'attribute'", "name a node attribute, e.g. ${attr.kernel.name}");
        if (!WithoutValue.Contains(constraint.Operator) && constraint.Value is null)
            report.Add($"{path}.value", $"missing required field 'value' for operator {Wire(constraint.Operator)}", null);
        if (constraint.Operator == ConstraintOperator.Regexp && constraint.Value is { } pattern && !IsRegex(pattern))
            report.Add($"{path}.value", $"'{pattern}' is not a valid regular expression", null);
    }

    private static void ValidateAffinity(Affinity affinity, string path, ValidationReport report)
    {
        if (affinity.Weight == 0)
            report.Add($"{path}.weight", "an affinity weight of 0 has no effect", "use -100..-1 to avoid or 1..100 to prefer matching nodes");
        if (affinity.Operator is ConstraintOperator.DistinctHosts or ConstraintOperator.DistinctProperty)
            report.Add($"{path}.operator", $"operator {Wire(affinity.Operator)} is only meaningful in constraints", "move it to the group's constraints");
        if (!WithoutValue.Contains(affinity.Operator) && affinity.Value is null)
            report.Add($"{path}.value", $"missing required field 'value' for operator {Wire(affinity.Operator)}", null);
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Wire(ConstraintOperator op) => EnumNames.Of(op);
}
