namespace Reconciler.Resources.Reflection;

/// <summary>Recognizes the collection types the model uses: string-keyed maps and lists.</summary>
public static class CollectionShapes
{
    private static readonly Type[] MapDefinitions = [typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>), typeof(Dictionary<,>)];

    private static readonly Type[] ListDefinitions =
    [
        typeof(IReadOnlyList<>), typeof(IList<>), typeof(List<>), typeof(IEnumerable<>),
        typeof(ICollection<>), typeof(IReadOnlyCollection<>),
    ];

    /// <summary>The value type of a map keyed by strings, or null when <paramref name="type"/> is not one.</summary>
    public static Type? MapValueType(Type type) =>
        type.IsGenericType && MapDefinitions.Contains(type.GetGenericTypeDefinition()) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    /// <summary>The item type of a list or array, or null when <paramref name="type"/> is not one.</summary>
    public static Type? ListItemType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        return type.IsGenericType && ListDefinitions.Contains(type.GetGenericTypeDefinition()) ? type.GetGenericArguments()[0] : null;
    }
}
