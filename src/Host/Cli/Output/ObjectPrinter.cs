using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Resources.Manifests;

namespace Reconciler.Host.Cli.Output;

/// <summary>
/// Prints objects as the agent returned them (secret values already redacted), for kinds the CLI knows and custom
/// kinds alike: JSON, YAML (documents separated by <c>---</c>), or a table of the metadata every object has.
/// </summary>
public static class ObjectPrinter
{
    private static readonly JsonSerializerOptions Indented = new(ApiJson.Options) { WriteIndented = true };

    /// <summary>Prints one object.</summary>
    public static void Print(CliSession session, JsonObject resource, OutputFormat format, bool withNamespace)
    {
        if (format == OutputFormat.Table) PrintTable(session, [resource], withNamespace);
        else session.Out.WriteLine(format == OutputFormat.Json ? resource.ToJsonString(Indented) : ManifestWriter.ToYaml(resource).TrimEnd());
    }

    /// <summary>Prints a list; an empty one prints a sentence in table form and an empty list otherwise.</summary>
    public static void Print(CliSession session, IReadOnlyList<JsonObject> resources, OutputFormat format, bool withNamespace, string emptyMessage)
    {
        switch (format)
        {
            case OutputFormat.Json:
                session.Out.WriteLine(new JsonArray([.. resources.Select(r => (JsonNode)r.DeepClone())]).ToJsonString(Indented));
                break;
            case OutputFormat.Yaml:
                session.Out.WriteLine(string.Join("---\n", resources.Select(r => ManifestWriter.ToYaml(r))).TrimEnd());
                break;
            default:
                if (resources.Count == 0) session.Error.WriteLine(emptyMessage);
                else PrintTable(session, resources, withNamespace);
                break;
        }
    }

    private static void PrintTable(CliSession session, IReadOnlyList<JsonObject> resources, bool withNamespace)
    {
        IReadOnlyList<string> headers = withNamespace ? ["NAMESPACE", "NAME", "GENERATION", "INDEX", "AGE"] : ["NAME", "GENERATION", "INDEX", "AGE"];
        var rows = resources.Select(r =>
        {
            var metadata = r["metadata"]?.AsObject();
            IReadOnlyList<string> cells = [Text(metadata, "name"), Text(metadata, "generation"), Text(metadata, "resourceVersion"), Age(metadata)];
            return withNamespace ? (IReadOnlyList<string>)[Text(metadata, "namespace"), .. cells] : cells;
        }).ToList();
        TableWriter.Write(session, headers, rows);
    }

    private static string Text(JsonObject? metadata, string field) => metadata?[field] is JsonValue value ? value.ToString() : "";

    private static string Age(JsonObject? metadata)
    {
        if (!DateTimeOffset.TryParse(Text(metadata, "createdAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)) return "";
        var age = DateTimeOffset.UtcNow - created;
        return age.TotalSeconds < 60 ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 24 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
