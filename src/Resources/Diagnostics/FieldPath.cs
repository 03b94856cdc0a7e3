namespace Reconciler.Resources.Diagnostics;

/// <summary>
/// Builds and takes apart field paths of the form <c>spec.groups[0].tasks[1].resources.memoryMB</c>,
/// the form every error names its field in.
/// </summary>
public static class FieldPath
{
    /// <summary>The path of a named field under <paramref name="parent"/>.</summary>
    public static string Child(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    /// <summary>The path of a list item under <paramref name="parent"/>.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The enclosing path, or null for a top-level field.</summary>
    public static string? Parent(string path)
    {
        if (path.Length == 0) return null;
        var cut = path.EndsWith(']') ? path.LastIndexOf('[') : path.LastIndexOf('.');
        return cut <= 0 ? "" : path[..cut];
    }

    /// <summary>The last segment: a field name, or <c>[3]</c> for a list item.</summary>
    public static string Leaf(string path)
    {
        var parent = Parent(path);
        if (parent is null) return path;
        var leaf = path[parent.Length..];
        return leaf.StartsWith('.') ? leaf[1..] : leaf;
    }
}
