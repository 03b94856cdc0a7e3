using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Reconciler.Resources.Reflection;

/// <summary>
/// One property of a model type as manifests and JSON see it: its wire name, its CLR shape and the
/// annotations that drive validation and redaction.
/// </summary>
/// <param name="Name">The name written in YAML and JSON, e.g. <c>memoryMB</c>.</param>
/// <param name="Property">The CLR property.</param>
/// <param name="IsNullable">True when null is a legal value (nullable reference or <see cref="Nullable{T}"/>).</param>
/// <param name="IsSensitive">True when the property carries <see cref="Model.SensitiveAttribute"/>.</param>
/// <param name="Validations">The data-annotation attributes on the property.</param>
public sealed record ModelProperty(
    string Name,
    PropertyInfo Property,
    bool IsNullable,
    bool IsSensitive,
    IReadOnlyList<ValidationAttribute> Validations)
{
    /// <summary>The declared type of the property.</summary>
    public Type Type => Property.PropertyType;
}
