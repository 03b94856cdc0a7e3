namespace Reconciler.Client;

/// <summary>
/// This client's node id: a random id created once in its data directory (<c>client/node-id</c>) and kept across
/// restarts. Drivers mark the tasks they start with it, so a restarted client finds its own tasks — and only its own,
/// even where clients of several nodes or clusters share one Docker engine.
/// </summary>
public sealed class NodeIdentity(ClientOptions options)
{
    private readonly Lazy<string> _id = new(() => LoadOrCreate(options.NodeIdFile));

    /// <summary>The node id, read from the data directory or created there on first use.</summary>
    public string Id => _id.Value;

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing) return existing;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var id = Guid.NewGuid().ToString("N");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, id);
        File.Move(temporary, path, overwrite: true);
        return id;
    }
}
