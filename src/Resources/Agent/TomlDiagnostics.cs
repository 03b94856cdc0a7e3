using Reconciler.Resources.Diagnostics;

namespace Reconciler.Resources.Agent;

/// <summary>
/// What reading one TOML file found: the errors, where every key was written (so a later check
/// can point at the line it is about), and which keys were already reported as broken (so a
/// later check does not pile a second, derived error on the same mistake).
/// </summary>
internal sealed class TomlDiagnostics(string source)
{
    private readonly List<SourceError> errors = [];
    private readonly Dictionary<string, (int Line, int Column)> locations = new(StringComparer.Ordinal);
    private readonly HashSet<string> brokenPaths = new(StringComparer.Ordinal);

    /// <summary>The file name or label errors carry.</summary>
    public string Source => source;

    public bool HasErrors => errors.Count > 0;

    /// <summary>The errors in reading order; those without a position come last.</summary>
    public IReadOnlyList<SourceError> SortedErrors() => errors
        .OrderBy(e => e.Line == 0 ? int.MaxValue : e.Line)
        .ThenBy(e => e.Column)
        .ToArray();

    /// <summary>Remembers where the key at <paramref name="path"/> was written (1-based).</summary>
    public void Locate(string path, int line, int column) => locations.TryAdd(path, (line, column));

    /// <summary>
    /// An error about the key at <paramref name="path"/>, placed at that key when it was written,
    /// else at the first written key of <paramref name="nearby"/> (the ones that made it needed),
    /// else at its nearest written parent table.
    /// </summary>
    public void Report(string path, string message, string? hint = null, params ReadOnlySpan<string> nearby)
    {
        var (line, column) = LocationOf(path, nearby);
        errors.Add(new SourceError(source, line, column, path, message) { Hint = hint });
        brokenPaths.Add(path);
    }

    /// <summary>An error at a position that belongs to no key, e.g. a TOML syntax error.</summary>
    public void ReportAt(int line, int column, string message, string? hint = null) =>
        errors.Add(new SourceError(source, line, column, "", message) { Hint = hint });

    /// <summary>True when an error was already reported for any of <paramref name="paths"/>.</summary>
    public bool AnyBroken(params ReadOnlySpan<string> paths)
    {
        foreach (var path in paths)
            if (brokenPaths.Contains(path)) return true;
        return false;
    }

    private (int Line, int Column) LocationOf(string path, ReadOnlySpan<string> nearby)
    {
        if (locations.TryGetValue(path, out var exact)) return exact;
        foreach (var other in nearby)
            if (locations.TryGetValue(other, out var near)) return near;
        for (var p = ParentOf(path); p.Length > 0; p = ParentOf(p))
            if (locations.TryGetValue(p, out var at)) return at;
        return (0, 0);
    }

    // "client.servers[1]" -> "client.servers" -> "client" -> "".
    private static string ParentOf(string path)
    {
        if (path.EndsWith(']')) return path[..path.LastIndexOf('[')];
        var dot = path.LastIndexOf('.');
        return dot < 0 ? "" : path[..dot];
    }
}
