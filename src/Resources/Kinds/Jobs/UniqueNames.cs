using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>Reports names that appear more than once in a list, pointing at the repeat and at the first use.</summary>
internal static class UniqueNames
{
    public static void Report(IEnumerable<string> names, Func<int, string> pathOf, string what, ValidationReport report)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var name in names)
        {
            // Empty names are reported as missing by [Required]; counting them as duplicates would say it twice.
            if (name.Length > 0 && !first.TryAdd(name, index))
                report.Add(pathOf(index), $"duplicate {what} '{name}'", $"it is already used at {pathOf(first[name])}; {what}s must be unique");
            index++;
        }
    }
}
