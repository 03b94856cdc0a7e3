namespace Reconciler.Resources.Kinds;

/// <summary>A directory a client offers as a host volume.</summary>
public sealed record NodeHostVolume
{
    /// <summary>The directory on the node.</summary>
    public string Path { get; init; } = "";

    /// <summary>Only read-only mounts are allowed.</summary>
    public bool ReadOnly { get; init; }
}
