namespace Reconciler.Resources.Validation;

/// <summary>Collects every field error of one object, so a person sees them all at once.</summary>
public sealed class ValidationReport
{
    private readonly List<FieldError> _errors = [];

    /// <summary>The errors reported so far, in the order they were found.</summary>
    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>True when nothing was reported.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>Reports a problem with the field at <paramref name="path"/>.</summary>
    public void Add(string path, string message, string? hint = null) => _errors.Add(new FieldError(path, message) { Hint = hint });
}
