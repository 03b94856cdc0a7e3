namespace Reconciler.Host.Cli;

/// <summary>The files of a directory tree a command reads, in a stable order, hidden ones skipped.</summary>
public static class DirectoryFiles
{
    /// <summary>The extensions of YAML manifests.</summary>
    public static IReadOnlyList<string> ManifestExtensions { get; } = [".yaml", ".yml"];

    /// <summary>Files under <paramref name="directory"/> (recursively) whose extension is one of <paramref name="extensions"/>.</summary>
    public static IEnumerable<string> Find(string directory, params IReadOnlyList<string> extensions) =>
        Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => HasExtension(f, extensions))
            .Order(StringComparer.Ordinal);

    /// <summary>True when <paramref name="path"/> ends with one of <paramref name="extensions"/> (any case).</summary>
    public static bool HasExtension(string path, params IReadOnlyList<string> extensions) =>
        extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
