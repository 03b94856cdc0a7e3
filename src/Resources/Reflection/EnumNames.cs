using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconciler.Resources.Reflection;

/// <summary>
/// The names enum values are written under, exactly as <see cref="Json.ResourceJson"/> writes them:
/// the <see cref="JsonStringEnumMemberNameAttribute"/> when present (<c>=</c>, <c>task_states</c>), else camelCase.
/// </summary>
public static class EnumNames
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<KeyValuePair<string, object>>> Cache = new();

    /// <summary>Every wire name of <paramref name="enumType"/> with its value, in declaration order.</summary>
    public static IReadOnlyList<KeyValuePair<string, object>> All(Type enumType) => Cache.GetOrAdd(enumType, static t =>
        [.. t.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => new KeyValuePair<string, object>(
            f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(f.Name),
            f.GetValue(null)!))]);

    /// <summary>The wire name of one value.</summary>
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return All(value.GetType()).First(n => n.Value.Equals(value)).Key;
    }

    /// <summary>Finds the value written as <paramref name="name"/> (case-sensitive).</summary>
    public static bool TryParse(Type enumType, string name, out object value)
    {
        foreach (var entry in All(enumType))
        {
            if (entry.Key != name) continue;
            value = entry.Value;
            return true;
        }
        value = null!;
        return false;
    }
}
