using Reconciler.Resources.Model;

namespace Reconciler.Host.GitOps;

/// <summary>
/// How the GitOps sync marks the objects it applies: the label <c>recon.io/managed-by: gitops</c> (what it prunes
/// selects on, so an object created any other way is never pruned) and the annotation <c>recon.io/gitops-source</c>
/// naming the file it came from, relative to the directory.
/// </summary>
public static class GitOpsMarks
{
    /// <summary>The label's key.</summary>
    public const string ManagedByLabel = "recon.io/managed-by";

    /// <summary>The label's value.</summary>
    public const string ManagedByValue = "gitops";

    /// <summary>The annotation naming the object's file.</summary>
    public const string SourceAnnotation = "recon.io/gitops-source";

    /// <summary>Selects every object the sync applied.</summary>
    public static LabelSelector Selector { get; } = LabelSelector.FromEquals(new Dictionary<string, string> { [ManagedByLabel] = ManagedByValue });

    /// <summary>A copy of <paramref name="resource"/> carrying the label and the annotation naming <paramref name="source"/>.</summary>
    public static Resource Mark(Resource resource, string source)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var labels = new Dictionary<string, string>(resource.Metadata.Labels) { [ManagedByLabel] = ManagedByValue };
        var annotations = new Dictionary<string, string>(resource.Metadata.Annotations) { [SourceAnnotation] = source };
        return resource.WithMetadata(resource.Metadata with { Labels = labels, Annotations = annotations });
    }
}
