using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Reflection;

/// <summary>
/// The writable properties of model types under the names System.Text.Json gives them, so the YAML
/// binder, the validators and the writer agree with <see cref="Json.ResourceJson"/> on every field name.
/// </summary>
public static class ModelProperties
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ModelProperty>> Cache = new();
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The settable, non-ignored properties of <paramref name="type"/>, in declaration order (base first).</summary>
    public static IReadOnlyList<ModelProperty> Of(Type type) => Cache.GetOrAdd(type, Describe);

    /// <summary>Finds a property by its wire name (case-sensitive).</summary>
    public static ModelProperty? Find(Type type, string name) => Of(type).FirstOrDefault(p => p.Name == name);

    /// <summary>True for types the model treats as a whole object with named fields.</summary>
    public static bool IsObjectType(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
        && !typeof(System.Text.Json.Nodes.JsonNode).IsAssignableFrom(type);

    private static List<ModelProperty> Describe(Type type)
    {
        // Order by inheritance depth so Resource's apiVersion and metadata come before spec and status.
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType) chain.Insert(0, t);
        var result = new List<ModelProperty>();
        foreach (var declaring in chain)
        {
            foreach (var property in declaring.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0) continue;
                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always }) continue;
                if (result.Any(p => p.Property.Name == property.Name)) continue;
                result.Add(new ModelProperty(
                    WireName(property),
                    property,
                    IsNullable(property),
                    property.GetCustomAttribute<SensitiveAttribute>() is not null,
                    [.. property.GetCustomAttributes<ValidationAttribute>()]));
            }
        }
        return result;
    }

    private static string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static bool IsNullable(PropertyInfo property) =>
        property.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(property.PropertyType) is not null
            : Nullability.Create(property).WriteState != NullabilityState.NotNull;
}
