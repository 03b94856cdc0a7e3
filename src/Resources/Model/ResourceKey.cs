namespace Reconciler.Resources.Model;

/// <summary>Identifies one object: kind, namespace (null for cluster-scoped kinds) and name.</summary>
public readonly record struct ResourceKey(string Kind, string? Namespace, string Name)
{
    /// <summary><c>Kind/namespace/name</c>, or <c>Kind/name</c> for cluster-scoped objects.</summary>
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";

    /// <summary>Parses the form <see cref="ToString"/> writes.</summary>
    public static ResourceKey Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length switch
        {
            2 => new ResourceKey(parts[0], null, parts[1]),
            3 => new ResourceKey(parts[0], parts[1], parts[2]),
            _ => throw new FormatException($"'{text}' is not a resource key; expected Kind/name or Kind/namespace/name."),
        };
    }
}
