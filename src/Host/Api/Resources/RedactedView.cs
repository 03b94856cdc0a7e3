using System.Text.Json.Nodes;
using Reconciler.Host.Api.Apply;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Resources;

/// <summary>
/// How the API shows objects: as the display writer does, so every [Sensitive] value (a secret's data) is
/// replaced before it can reach a response. There is no unredacted view on purpose.
/// </summary>
public static class RedactedView
{
    /// <summary>The annotations the API writes itself and leaves out of diffs.</summary>
    private static readonly string[] ManagedAnnotations = [LastApplied.Annotation];

    /// <summary>The whole object as JSON, secret values redacted.</summary>
    public static JsonObject ToJson(Resource resource) => JsonNode.Parse(ManifestWriter.Display.ToJson(resource))!.AsObject();

    /// <summary>
    /// The fields a user writes (apiVersion, kind, name, namespace, labels, annotations, spec) as YAML, secret values
    /// redacted: what <c>recon diff</c> compares, free of status and of what the store stamps.
    /// </summary>
    public static string ToUserYaml(Resource resource) => ManifestWriter.ToYaml(UserFields(resource));

    /// <summary>The fields a user writes as a JSON tree, secret values redacted (see <see cref="ToUserYaml"/>).</summary>
    public static JsonObject UserFields(Resource resource)
    {
        var tree = ToJson(resource);
        tree.Remove("status");
        var metadata = tree["metadata"]!.AsObject();
        foreach (var field in metadata.Select(f => f.Key).Where(k => k is not ("name" or "namespace" or "labels" or "annotations")).ToList())
            metadata.Remove(field);
        if (metadata["annotations"] is JsonObject annotations)
        {
            foreach (var managed in ManagedAnnotations) annotations.Remove(managed);
            if (annotations.Count == 0) metadata.Remove("annotations");
        }
        return tree;
    }
}
