using Reconciler.Resources.Model;

namespace Reconciler.Resources.Validation;

/// <summary>
/// Checks what shape alone cannot: ranges that depend on other fields, uniqueness, cross-references.
/// Register one per kind with <see cref="ResourceAdmission.AddValidator{T}"/>; a custom kind's
/// validator runs for manifests exactly like a built-in one. Never quote a sensitive value in a message.
/// </summary>
/// <typeparam name="T">The resource kind validated.</typeparam>
public interface IResourceValidator<in T> where T : Resource
{
    /// <summary>Reports every problem of <paramref name="resource"/> by field path.</summary>
    void Validate(T resource, ValidationReport report);
}
