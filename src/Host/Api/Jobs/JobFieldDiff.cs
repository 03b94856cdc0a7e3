using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Api.Jobs;

/// <summary>
/// The field-by-field difference of two JSON trees, as Nomad's plan diff: a list of added, deleted and edited leaves.
/// Lists of objects with a <c>name</c> are matched by name (<c>groups[cache]</c>), other lists by position.
/// The trees come from the redacted view, so a secret value is never compared in the clear nor shown.
/// </summary>
public static class JobFieldDiff
{
    /// <summary>Type of a field that only the proposed tree has.</summary>
    public const string Added = "Added";
    /// <summary>Type of a field that only the registered tree has.</summary>
    public const string Deleted = "Deleted";
    /// <summary>Type of a field whose value changed.</summary>
    public const string Edited = "Edited";

    /// <summary>Every changed leaf under <paramref name="path"/>, in the order of the trees.</summary>
    public static IReadOnlyList<FieldChange> Of(JsonNode? registered, JsonNode? proposed, string path)
    {
        var changes = new List<FieldChange>();
        Walk(registered, proposed, path, changes);
        return changes;
    }

    private static void Walk(JsonNode? before, JsonNode? after, string path, List<FieldChange> changes)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                    Walk(a[key], b[key], $"{path}.{key}", changes);
                break;
            case (JsonArray a, JsonArray b) when Named(a) && Named(b):
                var left = a.ToDictionary(Name);
                var right = b.ToDictionary(Name);
                foreach (var name in left.Keys.Union(right.Keys))
                    Walk(left.GetValueOrDefault(name), right.GetValueOrDefault(name), $"{path}[{name}]", changes);
                break;
            case (JsonArray a, JsonArray b) when a.All(IsObject) && b.All(IsObject):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                    Walk(i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, $"{path}[{i}]", changes);
                break;
            case (JsonObject or JsonArray, null) or (null, JsonObject or JsonArray):
                foreach (var leaf in Leaves(before ?? after, path))
                    changes.Add(before is null ? new FieldChange(leaf.Path, Added, null, leaf.Value) : new FieldChange(leaf.Path, Deleted, leaf.Value, null));
                break;
            default:
                var old = Text(before);
                var @new = Text(after);
                if (old == @new) break;
                changes.Add(new FieldChange(path, old is null ? Added : @new is null ? Deleted : Edited, old, @new));
                break;
        }
    }

    private static IEnumerable<(string Path, string Value)> Leaves(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Leaves(p.Value, $"{path}.{p.Key}")),
        JsonArray a when Named(a) => a.SelectMany(item => Leaves(item, $"{path}[{Name(item)}]")),
        JsonArray a when a.All(IsObject) => a.SelectMany((item, i) => Leaves(item, $"{path}[{i}]")),
        null => [],
        _ => [(path, Text(node)!)],
    };

    private static bool IsObject(JsonNode? node) => node is JsonObject;

    private static bool Named(JsonArray array) =>
        array.Count > 0 && array.All(n => n is JsonObject o && o["name"] is JsonValue) && array.Select(Name).Distinct().Count() == array.Count;

    private static string Name(JsonNode? node) => node!["name"]!.ToString();

    private static string? Text(JsonNode? node) => node?.ToJsonString(ApiJson.Options);
}
