using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Resources.Json;
using Reconciler.Resources.Manifests;

namespace Reconciler.Host.Cli;

/// <summary>The <c>-o json|yaml</c> option every read command carries, and rendering of plain objects in those formats.</summary>
public static class OutputFormatOption
{
    private static readonly JsonSerializerOptions Indented = new(ResourceJson.Options) { WriteIndented = true };

    /// <summary>A new <c>-o/--output</c> option; table when absent.</summary>
    public static Option<OutputFormat> Create() => new("--output", "-o")
    {
        Description = "Output format: json or yaml (default: a table).",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "table" : result.Tokens[0].Value;
            if (Enum.TryParse<OutputFormat>(text, ignoreCase: true, out var format)) return format;
            result.AddError($"'{text}' is not an output format; use -o json or -o yaml.");
            return OutputFormat.Table;
        },
        DefaultValueFactory = _ => OutputFormat.Table,
    };

    /// <summary>Renders a plain object (not a resource) as JSON or YAML with the resource naming rules.</summary>
    public static string Render<T>(T value, OutputFormat format)
    {
        var json = JsonSerializer.Serialize(value, Indented);
        return format == OutputFormat.Yaml ? ManifestWriter.ToYaml(JsonNode.Parse(json)!) : json;
    }
}
