namespace Reconciler.Host.Api.Contracts;

/// <summary>Which version of the GitOps directory a sync read.</summary>
/// <param name="Id">The commit id when the directory is in a Git checkout, else <c>sha256:</c> and a hash of its manifests.</param>
/// <param name="Source"><c>git</c> or <c>content</c>: where <see cref="Id"/> came from.</param>
/// <param name="Ref">The branch (or other ref) checked out, e.g. <c>refs/heads/main</c>; null for a detached head or without Git.</param>
public sealed record GitOpsRevision(string Id, string Source, string? Ref = null)
{
    /// <summary>The value of <see cref="Source"/> for a commit read from <c>.git</c>.</summary>
    public const string Git = "git";

    /// <summary>The value of <see cref="Source"/> for a hash of the manifests.</summary>
    public const string Content = "content";

    /// <summary>The id people read: a commit's first 12 characters, with its branch when known.</summary>
    public override string ToString()
    {
        var shortId = Source == Git && Id.Length > 12 ? Id[..12] : Id;
        return Ref is null ? shortId : $"{shortId} ({Ref})";
    }
}
