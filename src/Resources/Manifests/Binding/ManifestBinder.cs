using System.Collections;
using System.Text.Json.Nodes;
using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Manifests.Yaml;
using Reconciler.Resources.Reflection;

namespace Reconciler.Resources.Manifests.Binding;

/// <summary>
/// Binds YAML nodes to any model type by reflection, under the field names of
/// <see cref="ModelProperties"/>: unknown fields, wrong shapes and bad scalars become errors at the
/// node's position, and binding goes on so every error of a document is found. It remembers the
/// node of every path it bound, so validators' errors can be placed in the file too.
/// </summary>
internal sealed class ManifestBinder
{
    private readonly List<BindingError> _errors = [];
    private readonly Dictionary<string, ManifestNode> _nodes = new(StringComparer.Ordinal);

    public IReadOnlyList<BindingError> Errors => _errors;

    /// <summary>The node bound at <paramref name="path"/>, or at its nearest bound ancestor.</summary>
    public ManifestNode? Locate(string path)
    {
        for (string? p = path; p is not null; p = FieldPath.Parent(p))
            if (_nodes.TryGetValue(p, out var node)) return node;
        return null;
    }

    /// <summary>Records that <paramref name="node"/> is the value at <paramref name="path"/>, so errors there can be placed.</summary>
    public ManifestNode Remember(string path, ManifestNode node)
    {
        _nodes[path] = node;
        return node;
    }

    /// <summary>Binds a document's root mapping; fields named in <paramref name="skip"/> are handled by the caller.</summary>
    public object BindRoot(ManifestMapping root, Type type, IReadOnlySet<string> skip)
    {
        _nodes[""] = root;
        BindObject(root, type, "", false, skip, out var value);
        return value!;
    }

    /// <summary>The entries of a mapping with scalar keys, reporting non-scalar and duplicate keys.</summary>
    public IEnumerable<(string Key, ManifestNode Value, string Path, ManifestNode KeyNode)> Keys(ManifestMapping map, string path)
    {
        var seen = new Dictionary<string, ManifestNode>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (entry.Key is not ManifestScalar { IsNull: false } key)
            {
                Fail(entry.Key, path, "a mapping key must be a plain name", null);
                continue;
            }
            var childPath = FieldPath.Child(path, key.Value);
            if (!seen.TryAdd(key.Value, key))
            {
                var first = seen[key.Value];
                Fail(key, childPath, $"duplicate key '{key.Value}'", $"it is already given at line {first.Line}, column {first.Column}; give each key once");
                continue;
            }
            _nodes[childPath] = entry.Value;
            yield return (key.Value, entry.Value, childPath, key);
        }
    }

    private bool TryBind(ManifestNode node, Type type, bool nullable, string path, bool sensitive, out object? value)
    {
        _nodes[path] = node;
        value = null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var freeForm = typeof(JsonNode).IsAssignableFrom(underlying);
        if (node is ManifestScalar { IsNull: true } && !freeForm)
        {
            if (nullable || underlying != type) return true;
            if (type == typeof(string)) { value = ""; return true; }
            return Fail(node, path, $"expected {Expected(type)}, found null", "give a value or remove the field");
        }
        if (underlying == typeof(string)) return BindString(node, path, out value);
        if (freeForm) return BindFreeForm(node, underlying, path, out value);
        if (ScalarConverter.Handles(underlying)) return BindScalar(node, underlying, path, sensitive, out value);
        if (CollectionShapes.MapValueType(underlying) is { } valueType) return BindMap(node, valueType, path, sensitive, out value);
        if (CollectionShapes.ListItemType(underlying) is { } itemType) return BindList(node, underlying, itemType, path, sensitive, out value);
        if (ModelProperties.IsObjectType(underlying)) return BindObject(node, underlying, path, sensitive, null, out value);
        throw new NotSupportedException($"Manifests cannot bind {path} of type {type}; model fields must be records, lists, string-keyed maps, scalars or JsonNode.");
    }

    private bool BindObject(ManifestNode node, Type type, string path, bool sensitive, IReadOnlySet<string>? skip, out object? value)
    {
        value = Activator.CreateInstance(type)
            ?? throw new InvalidOperationException($"{type} needs a public parameterless constructor to be read from manifests.");
        if (node is not ManifestMapping map)
            return Fail(node, path, $"expected a mapping, found {node.Shape}", FieldsHint(type));
        foreach (var (key, child, childPath, keyNode) in Keys(map, path))
        {
            if (skip?.Contains(key) == true) continue;
            var property = ModelProperties.Find(type, key);
            if (property is null)
            {
                var names = ModelProperties.Of(type).Select(p => p.Name).Where(n => skip?.Contains(n) != true);
                Fail(keyNode, childPath, $"unknown field '{key}'", SpellingSuggestion.Hint(key, names) ?? FieldsHint(type));
                continue;
            }
            // An explicit null on a field that cannot be null means "not given": keep the default.
            if (child is ManifestScalar { IsNull: true } && !property.IsNullable && !property.Type.IsValueType) continue;
            if (TryBind(child, property.Type, property.IsNullable, childPath, sensitive || property.IsSensitive, out var bound))
                property.Property.SetValue(value, bound);
        }
        return true;
    }

    private bool BindMap(ManifestNode node, Type valueType, string path, bool sensitive, out object? value)
    {
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        value = map;
        if (node is not ManifestMapping mapping)
            return Fail(node, path, $"expected a mapping, found {node.Shape}", "write key: value pairs");
        foreach (var (key, child, childPath, _) in Keys(mapping, path))
            if (TryBind(child, valueType, false, childPath, sensitive, out var bound)) map[key] = bound;
        return true;
    }

    private bool BindList(ManifestNode node, Type listType, Type itemType, string path, bool sensitive, out object? value)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        value = list;
        if (node is not ManifestSequence sequence)
            return Fail(node, path, $"expected a list, found {node.Shape}", "write [a, b] or one '- item' per line");
        for (var i = 0; i < sequence.Items.Count; i++)
            if (TryBind(sequence.Items[i], itemType, false, FieldPath.Index(path, i), sensitive, out var bound)) list.Add(bound);
        if (listType.IsArray)
        {
            var array = Array.CreateInstance(itemType, list.Count);
            list.CopyTo(array, 0);
            value = array;
        }
        return true;
    }

    private bool BindString(ManifestNode node, string path, out object? value)
    {
        value = (node as ManifestScalar)?.Value;
        return value is not null || Fail(node, path, $"expected a string, found {node.Shape}", null);
    }

    private bool BindScalar(ManifestNode node, Type type, string path, bool sensitive, out object? value)
    {
        value = null;
        if (node is not ManifestScalar scalar) return Fail(node, path, $"expected {Expected(type)}, found {node.Shape}", null);
        var conversion = ScalarConverter.Convert(scalar, type, sensitive);
        value = conversion.Value;
        return conversion.Ok || Fail(node, path, conversion.Message!, conversion.Hint);
    }

    private bool BindFreeForm(ManifestNode node, Type type, string path, out object? value)
    {
        value = null;
        if (type == typeof(JsonObject) && node is not ManifestMapping)
            return Fail(node, path, $"expected a mapping, found {node.Shape}", "write key: value pairs");
        if (type == typeof(JsonArray) && node is not ManifestSequence)
            return Fail(node, path, $"expected a list, found {node.Shape}", null);
        value = FreeFormConverter.Convert(node, path, this);
        return true;
    }

    private bool Fail(ManifestNode node, string path, string message, string? hint)
    {
        _errors.Add(new BindingError(path, node.Line, node.Column, message, hint));
        return false;
    }

    private static string? FieldsHint(Type type)
    {
        var names = ModelProperties.Of(type).Select(p => p.Name).ToList();
        return names.Count is > 0 and <= 12 ? $"known fields: {string.Join(", ", names)}" : null;
    }

    private static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) return $"one of: {string.Join(", ", EnumNames.All(t).Select(n => n.Key))}";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(TimeSpan)) return "a duration";
        if (t == typeof(string)) return "a string";
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) return "a number";
        if (t.IsPrimitive) return "an integer";
        if (CollectionShapes.ListItemType(t) is not null) return "a list";
        return ScalarConverter.Handles(t) ? "a value" : "a mapping";
    }
}
