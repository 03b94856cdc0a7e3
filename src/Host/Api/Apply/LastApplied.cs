using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Apply;

/// <summary>
/// kubectl's last-applied annotation: <c>/v1/apply</c> records on each object what was applied (its user fields
/// as compact JSON, secret values redacted so the annotation can be shown). <c>--prune</c> deletes only objects
/// that carry it, so objects written any other way are never pruned.
/// </summary>
public static class LastApplied
{
    /// <summary>The annotation's key.</summary>
    public const string Annotation = "recon/last-applied";

    /// <summary>A copy of <paramref name="resource"/> carrying the annotation.</summary>
    public static Resource Annotate(Resource resource)
    {
        var record = RedactedView.UserFields(resource).ToJsonString();
        var annotations = new Dictionary<string, string>(resource.Metadata.Annotations) { [Annotation] = record };
        return resource.WithMetadata(resource.Metadata with { Annotations = annotations });
    }

    /// <summary>True when an apply wrote <paramref name="resource"/>.</summary>
    public static bool IsOn(Resource resource) => resource.Metadata.Annotations.ContainsKey(Annotation);
}
