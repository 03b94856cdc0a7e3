using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>Checks an ACL policy's namespace rules: a valid name or glob, something granted, known capabilities, one rule per name.</summary>
public sealed class AclPolicyValidator : IResourceValidator<AclPolicy>
{
    /// <inheritdoc />
    public void Validate(AclPolicy resource, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(report);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < resource.Spec.Namespaces.Count; i++)
        {
            var rule = resource.Spec.Namespaces[i];
            var path = $"spec.namespaces[{i}]";
            if (!IsValidPattern(rule.Name))
                report.Add($"{path}.name", $"'{rule.Name}' is not a namespace name or glob", $"{ResourceNames.Rule}; or end with '*' to match a prefix, e.g. dev-* or *");
            else if (!seen.Add(rule.Name))
                report.Add($"{path}.name", $"namespace '{rule.Name}' has more than one rule", "merge them into one rule");
            if (rule.Policy is null && rule.Capabilities.Count == 0)
                report.Add(path, $"the rule for '{rule.Name}' grants nothing", "set policy: deny|read|write or list capabilities");
            for (var c = 0; c < rule.Capabilities.Count; c++)
            {
                var capability = rule.Capabilities[c];
                if (AclCapabilities.All.Contains(capability)) continue;
                var suggestion = SpellingSuggestion.Closest(capability, AclCapabilities.All);
                report.Add($"{path}.capabilities[{c}]", $"unknown capability '{capability}'",
                    suggestion is null ? $"use one of {string.Join(", ", AclCapabilities.All)}" : $"did you mean {suggestion}?");
            }
        }
    }

    private static bool IsValidPattern(string name) =>
        name == "*" || (name.EndsWith('*') ? IsPrefix(name[..^1]) : ResourceNames.IsValid(name));

    // A glob's prefix is the start of a name: it may end in '-' (dev-*), but not hold anything a name cannot.
    private static bool IsPrefix(string prefix) => ResourceNames.IsValid(prefix.TrimEnd('-') is { Length: > 0 } trimmed ? trimmed : "x") && !prefix.Contains('*');
}
