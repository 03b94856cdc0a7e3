using Reconciler.Host.Cli;

namespace Reconciler.Host.GitOps;

/// <summary>
/// Calls back whenever a <c>.yaml</c>/<c>.yml</c> file under a directory is created, changed, renamed or deleted (a
/// <see cref="FileSystemWatcher"/>). Callers debounce: one save raises several events.
/// </summary>
public sealed class ManifestChangeWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;

    /// <summary>Starts watching <paramref name="directory"/> (which must exist) and its subdirectories.</summary>
    public ManifestChangeWatcher(string directory, Action changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        _watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = true };
        FileSystemEventHandler handler = (_, e) =>
        {
            if (e.Name is { } name && IsManifest(name)) changed();
        };
        _watcher.Changed += handler;
        _watcher.Created += handler;
        _watcher.Deleted += handler;
        _watcher.Renamed += (_, e) =>
        {
            // An editor or `git checkout` writes a temporary file and renames it over the manifest.
            if ((e.Name is { } name && IsManifest(name)) || (e.OldName is { } old && IsManifest(old))) changed();
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>A watcher, or null when the directory is missing or the system has no watch left (inotify limits).</summary>
    public static ManifestChangeWatcher? TryStart(string directory, Action changed)
    {
        try
        {
            return Directory.Exists(directory) ? new ManifestChangeWatcher(directory, changed) : null;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _watcher.Dispose();

    private static bool IsManifest(string name) => DirectoryFiles.HasExtension(name, DirectoryFiles.ManifestExtensions);
}
