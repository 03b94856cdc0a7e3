using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Reconciler.Client.Environment;

/// <summary>
/// Replaces <c>${name}</c> in task config, env and templates with runtime values. A name nothing is known
/// by is left as written, so a typo shows up in the task's own output rather than as an empty string.
/// </summary>
public static partial class Interpolation
{
    /// <summary><paramref name="text"/> with every known <c>${name}</c> replaced.</summary>
    public static string Apply(string text, RuntimeValues values) =>
        text.Contains("${", StringComparison.Ordinal)
            ? Reference().Replace(text, match => values.Resolve(match.Groups[1].Value.Trim()) ?? match.Value)
            : text;

    /// <summary>A copy of <paramref name="config"/> with every string value interpolated, at any depth.</summary>
    public static JsonObject Apply(JsonObject config, RuntimeValues values) => (JsonObject)ApplyNode(config, values)!;

    /// <summary>Every value of <paramref name="env"/> interpolated.</summary>
    public static IReadOnlyDictionary<string, string> Apply(IReadOnlyDictionary<string, string> env, RuntimeValues values) =>
        env.ToDictionary(pair => pair.Key, pair => Apply(pair.Value, values), StringComparer.Ordinal);

    private static JsonNode? ApplyNode(JsonNode? node, RuntimeValues values) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, ApplyNode(pair.Value, values)))),
        JsonArray array => new JsonArray([.. array.Select(item => ApplyNode(item, values))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(Apply(text, values)),
        null => null,
        _ => node.DeepClone(),
    };

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Reference();
}
