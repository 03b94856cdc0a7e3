namespace Reconciler.Resources.Manifests.Binding;

/// <summary>A shape error found while binding, at the position of the node it concerns.</summary>
internal sealed record BindingError(string Path, int Line, int Column, string Message, string? Hint);
