using System.Text.RegularExpressions;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>Checks a secret's keys. It reads keys only, so no message can carry a value.</summary>
public sealed partial class SecretValidator : IResourceValidator<Secret>
{
    /// <inheritdoc />
    public void Validate(Secret resource, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(report);
        if (resource.Spec.Data.Count == 0)
            report.Add("spec.data", "a secret needs at least one value", "e.g. data: { password: … }");
        foreach (var key in resource.Spec.Data.Keys.Where(k => !KeyPattern().IsMatch(k)))
            report.Add($"spec.data.{key}", $"'{key}' is not a valid secret key", "use letters, digits, '.', '_' and '-'");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex KeyPattern();
}
