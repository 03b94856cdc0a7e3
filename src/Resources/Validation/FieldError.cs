namespace Reconciler.Resources.Validation;

/// <summary>A problem with one field of an object, named by its path, e.g. <c>spec.groups[0].count</c>.</summary>
/// <param name="Path">The field path.</param>
/// <param name="Message">What is wrong, in a sentence for people.</param>
public sealed record FieldError(string Path, string Message)
{
    /// <summary>What to do about it, when there is something useful to say.</summary>
    public string? Hint { get; init; }

    /// <inheritdoc />
    public override string ToString() => Hint is null ? $"{Path}: {Message}" : $"{Path}: {Message} ({Hint})";
}
