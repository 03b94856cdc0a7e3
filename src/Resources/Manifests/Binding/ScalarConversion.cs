namespace Reconciler.Resources.Manifests.Binding;

/// <summary>The outcome of converting one scalar: a value, or what was wrong and what to do.</summary>
internal readonly record struct ScalarConversion(bool Ok, object? Value, string? Message, string? Hint)
{
    public static ScalarConversion Success(object? value) => new(true, value, null, null);

    public static ScalarConversion Failure(string message, string? hint = null) => new(false, null, message, hint);
}
