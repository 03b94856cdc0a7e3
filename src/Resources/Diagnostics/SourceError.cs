using System.Text;

namespace Reconciler.Resources.Diagnostics;

/// <summary>
/// One problem found in a manifest or config file: where (file:line:column, field path, resource),
/// what, and what to do. Line and column are 1-based; 0 when unknown.
/// </summary>
public sealed record SourceError(string Source, int Line, int Column, string Path, string Message)
{
    /// <summary>A suggestion for the fix, e.g. "did you mean maxParallel?".</summary>
    public string? Hint { get; init; }

    /// <summary>The resource the error belongs to, e.g. <c>Job/default/redis</c>, when known.</summary>
    public string? Resource { get; init; }

    /// <summary><c>file:line:col: Job/default/redis: spec.groups[0].count: message (hint)</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Source);
        if (Line > 0) sb.Append(':').Append(Line).Append(':').Append(Column);
        sb.Append(": ");
        if (Resource is not null) sb.Append(Resource).Append(": ");
        if (Path.Length > 0) sb.Append(Path).Append(": ");
        sb.Append(Message);
        if (Hint is not null) sb.Append(" (").Append(Hint).Append(')');
        return sb.ToString();
    }
}
