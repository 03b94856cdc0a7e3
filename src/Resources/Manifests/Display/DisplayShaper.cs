using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Reflection;

namespace Reconciler.Resources.Manifests.Display;

/// <summary>
/// Shapes the JSON tree of a resource for people, guided by the model types: values of
/// [Sensitive] fields are replaced when redacting, and empty lists and maps that are empty by
/// default are left out (reading the output back gives the same empty defaults).
/// </summary>
internal static class DisplayShaper
{
    private static readonly ConcurrentDictionary<Type, object?> Defaults = new();

    public static void Shape(JsonNode? node, Type type, bool redact)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is null || typeof(JsonNode).IsAssignableFrom(type)) return;
        if (CollectionShapes.MapValueType(type) is { } valueType && node is JsonObject map)
        {
            foreach (var (_, child) in map) Shape(child, valueType, redact);
        }
        else if (CollectionShapes.ListItemType(type) is { } itemType && node is JsonArray list)
        {
            foreach (var child in list) Shape(child, itemType, redact);
        }
        else if (ModelProperties.IsObjectType(type) && node is JsonObject obj)
        {
            ShapeObject(obj, type, redact);
        }
    }

    private static void ShapeObject(JsonObject obj, Type type, bool redact)
    {
        foreach (var property in ModelProperties.Of(type))
        {
            var child = obj[property.Name];
            if (child is null) continue;
            if (property.IsSensitive && redact)
                obj[property.Name] = Redacted(child);
            else if (IsEmptyCollection(child) && EmptyByDefault(type, property))
                obj.Remove(property.Name);
            else
                Shape(child, property.Type, redact);
        }
    }

    private static JsonNode Redacted(JsonNode node) => node switch
    {
        JsonObject map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Redacted(p.Value ?? JsonValue.Create("")))).ToList()),
        JsonArray list => new JsonArray([.. list.Select(item => (JsonNode?)Redacted(item ?? JsonValue.Create("")))]),
        _ => JsonValue.Create(SecretSpec.Redacted),
    };

    private static bool IsEmptyCollection(JsonNode node) => node is JsonArray { Count: 0 } or JsonObject { Count: 0 };

    private static bool EmptyByDefault(Type declaring, ModelProperty property)
    {
        if (typeof(JsonNode).IsAssignableFrom(property.Type)) return true;
        if (CollectionShapes.MapValueType(property.Type) is null && CollectionShapes.ListItemType(property.Type) is null) return false;
        var instance = Defaults.GetOrAdd(declaring, t => t.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(t));
        return instance is not null && property.Property.GetValue(instance) is IEnumerable items && !items.Cast<object?>().Any();
    }
}
