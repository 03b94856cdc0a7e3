namespace Reconciler.Resources.Agent;

/// <summary>
/// Keeping the cluster in step with a directory of manifests (<c>[gitops]</c>), usually a Git
/// checkout: applied on every interval, drift corrected, and with prune, objects gone from the
/// directory deleted.
/// </summary>
public sealed record GitOpsConfig
{
    /// <summary>Whether the sync controller runs (<c>enabled</c>).</summary>
    public bool Enabled { get; init; }

    /// <summary>The directory of manifests (<c>path</c>); required when enabled.</summary>
    public string? Path { get; init; }

    /// <summary>How often the directory is applied (<c>interval</c>).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Delete objects this sync created that are no longer in the directory (<c>prune</c>).</summary>
    public bool Prune { get; init; }

    /// <summary>
    /// Let a directory holding no manifests prune every object the sync manages (<c>allow_empty</c>). Off, such a sync is
    /// refused: an emptied checkout is far more often a mistake (a failed clone, a wrong path) than a wish.
    /// </summary>
    public bool AllowEmpty { get; init; }

    /// <summary>The namespace for manifests that name none (<c>namespace</c>).</summary>
    public string Namespace { get; init; } = "default";
}
