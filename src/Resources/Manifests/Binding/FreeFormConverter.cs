using System.Text.Json.Nodes;
using Reconciler.Resources.Manifests.Yaml;

namespace Reconciler.Resources.Manifests.Binding;

/// <summary>
/// Turns a YAML subtree into JSON for free-form fields such as a task's driver config: plain
/// <c>true</c>, <c>null</c> and numbers are typed, quoted scalars stay strings.
/// </summary>
internal static class FreeFormConverter
{
    public static JsonNode? Convert(ManifestNode node, string path, ManifestBinder binder) => node switch
    {
        ManifestScalar { IsPlain: true } s => YamlScalars.ToJson(s.Value),
        ManifestScalar s => JsonValue.Create(s.Value),
        ManifestSequence seq => new JsonArray([.. seq.Items.Select((item, i) => Convert(binder.Remember($"{path}[{i}]", item), $"{path}[{i}]", binder))]),
        ManifestMapping map => ConvertMapping(map, path, binder),
        _ => null,
    };

    private static JsonObject ConvertMapping(ManifestMapping map, string path, ManifestBinder binder)
    {
        var result = new JsonObject();
        foreach (var (key, value, childPath, _) in binder.Keys(map, path))
            result[key] = Convert(value, childPath, binder);
        return result;
    }
}
