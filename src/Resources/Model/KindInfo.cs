using System.Collections.Concurrent;
using System.Reflection;

namespace Reconciler.Resources.Model;

/// <summary>What the <see cref="KindAttribute"/> of a resource type says, cached per type.</summary>
public sealed record KindInfo(string Name, Type Type, bool ClusterScoped, bool System)
{
    private static readonly ConcurrentDictionary<Type, KindInfo> Cache = new();

    /// <summary>The kind information of a resource type.</summary>
    public static KindInfo Of(Type type) => Cache.GetOrAdd(type, static t =>
    {
        var attribute = t.GetCustomAttribute<KindAttribute>()
            ?? throw new InvalidOperationException($"{t.FullName} has no [Kind] attribute; every resource type needs one.");
        return new KindInfo(attribute.Name, t, attribute.ClusterScoped, attribute.System);
    });

    /// <summary>The kind information of <typeparamref name="T"/>.</summary>
    public static KindInfo Of<T>() where T : Resource => Of(typeof(T));
}
