using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Resources.Json;
using Reconciler.Resources.Manifests.Display;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Manifests;

/// <summary>
/// Writes resources as YAML or JSON for people (<c>-o yaml</c>, <c>inspect</c>, <c>get</c>), under
/// the same field names the reader accepts, so the output reads back into an equal object. By
/// default secret values are redacted; only a writer made with <c>redactSecrets: false</c> shows them.
/// </summary>
/// <param name="redactSecrets">Replace the values of [Sensitive] fields; true for anything a person sees.</param>
public sealed class ManifestWriter(bool redactSecrets = true)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Output is read by people in terminals, not embedded in HTML: no need to escape '<', '+' or non-ASCII.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A writer that redacts secret values, for display.</summary>
    public static ManifestWriter Display { get; } = new();

    /// <summary>A writer that keeps secret values, for exports the user asked to be complete.</summary>
    public static ManifestWriter Unredacted { get; } = new(redactSecrets: false);

    /// <summary>True when the values of [Sensitive] fields are replaced.</summary>
    public bool RedactSecrets { get; } = redactSecrets;

    /// <summary>One resource as a YAML document.</summary>
    public string ToYaml(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return ToYaml([resource]);
    }

    /// <summary>Several resources as one YAML stream, documents separated by <c>---</c>.</summary>
    public string ToYaml(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        using var writer = new StringWriter();
        YamlTreeEmitter.Emit(resources.Select(ToTree), writer);
        return writer.ToString();
    }

    /// <summary>One resource as indented JSON.</summary>
    public string ToJson(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return ToTree(resource).ToJsonString(Indented);
    }

    private JsonNode ToTree(Resource resource)
    {
        var tree = JsonSerializer.SerializeToNode(resource, resource.GetType(), ResourceJson.Options)
            ?? throw new InvalidOperationException("A resource serialized to null.");
        DisplayShaper.Shape(tree, resource.GetType(), RedactSecrets);
        return tree;
    }
}
