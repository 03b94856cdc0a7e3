using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;

namespace Reconciler.Host.Cli.Acl;

/// <summary>
/// A policy's rules file, as <c>nomad acl policy apply NAME FILE</c> takes one: the spec's fields (<c>namespaces</c>,
/// <c>node</c>, <c>operator</c>, <c>agent</c>) in YAML. It is read as the spec of an AclPolicy manifest, strictly, and
/// every error points into the file itself.
/// </summary>
public static class AclPolicyFile
{
    // apiVersion, kind, metadata, name, spec: the lines put before the file's own, each of which moves two columns right.
    private const int HeaderLines = 5;
    private const int Indent = 2;

    /// <summary>The policy <paramref name="name"/> with the rules of the file at <paramref name="path"/>; a bad file is a <see cref="CommandException"/> listing every error.</summary>
    public static AclPolicy Read(string path, string name, string? description)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rules = File.Exists(path) ? File.ReadAllText(path) : throw new CommandException($"{path}: no such file; give the policy's rules as a YAML file.");
        var manifest = new StringBuilder()
            .Append("apiVersion: recon/v1\nkind: AclPolicy\nmetadata:\n  name: ").Append(JsonSerializer.Serialize(name)).Append("\nspec:\n");
        foreach (var line in rules.ReplaceLineEndings("\n").Split('\n')) manifest.Append(' ', Indent).Append(line).Append('\n');
        var read = ManifestReader.Default.Read(manifest.ToString(), path);
        if (!read.IsValid)
            throw new CommandException($"{path} holds no valid policy rules ({read.Errors.Count} error(s)); nothing was applied.", [.. read.Errors.Select(e => InFile(e).ToString())]);
        var policy = (AclPolicy)read.Resources.Single();
        return description is null ? policy : policy with { Spec = policy.Spec with { Description = description } };
    }

    /// <summary>The policy as the JSON body of <c>PUT /v1/acl/policy/{name}</c>.</summary>
    public static JsonObject ToJson(AclPolicy policy)
    {
        var json = JsonNode.Parse(ManifestWriter.Display.ToJson(policy))!.AsObject();
        json.Remove("status");
        return json;
    }

    private static SourceError InFile(SourceError error) => error with
    {
        Line = Math.Max(0, error.Line - HeaderLines),
        Column = error.Line > HeaderLines ? Math.Max(1, error.Column - Indent) : 0,
    };
}
