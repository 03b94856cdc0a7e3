using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Cli.Resources;

/// <summary>The manifests <c>-f FILE|DIR</c> names, read for sending to the agent (which reads them with the same strict reader as <c>recon validate</c>).</summary>
public static class ManifestPaths
{
    /// <summary>Every <c>.yaml</c>/<c>.yml</c> file the paths name or contain, with its content; an error when a path is missing or holds none.</summary>
    public static IReadOnlyList<ManifestFile> Read(IEnumerable<string> paths)
    {
        var files = new List<ManifestFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = DirectoryFiles.Find(path, DirectoryFiles.ManifestExtensions).ToList();
                if (found.Count == 0) throw new CommandException($"{path} holds no .yaml or .yml manifests; point -f at manifests.");
                files.AddRange(found.Select(ReadFile));
            }
            else if (File.Exists(path)) files.Add(ReadFile(path));
            else throw new CommandException($"{path}: no such file or directory; check the path given to -f.");
        }
        if (files.Count == 0) throw new CommandException("No manifests given; pass -f FILE or -f DIR.");
        return files;
    }

    private static ManifestFile ReadFile(string path)
    {
        try
        {
            return new ManifestFile(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"{path}: cannot read the file ({e.Message}).");
        }
    }
}
