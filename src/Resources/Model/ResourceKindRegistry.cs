using System.Collections.Concurrent;

using Reconciler.Resources.Kinds;

namespace Reconciler.Resources.Model;

/// <summary>
/// The kinds a process knows: the built-in ones and any a host registers. Parsing, storage and
/// watches look kinds up here by name, so a custom kind is handled exactly like a built-in one.
/// </summary>
public sealed class ResourceKindRegistry
{
    private readonly ConcurrentDictionary<string, KindInfo> _byName = new(StringComparer.Ordinal);

    /// <summary>A registry holding the built-in kinds.</summary>
    public static ResourceKindRegistry CreateDefault()
    {
        var registry = new ResourceKindRegistry();
        foreach (var type in BuiltInKinds.Types) registry.Register(type);
        return registry;
    }

    /// <summary>The process-wide registry with the built-in kinds; hosts may add their own kinds to it.</summary>
    public static ResourceKindRegistry Default { get; } = CreateDefault();

    /// <summary>Every registered kind.</summary>
    public IEnumerable<KindInfo> Kinds => _byName.Values;

    /// <summary>Registers <typeparamref name="T"/>; registering the same type twice is harmless.</summary>
    public KindInfo Register<T>() where T : Resource => Register(typeof(T));

    /// <summary>Registers a resource type by its <see cref="KindAttribute"/>.</summary>
    public KindInfo Register(Type type)
    {
        if (!typeof(Resource).IsAssignableFrom(type) || type.IsAbstract)
            throw new ArgumentException($"{type.FullName} is not a concrete Resource type.", nameof(type));
        var info = KindInfo.Of(type);
        var existing = _byName.GetOrAdd(info.Name, info);
        if (existing.Type != type)
            throw new InvalidOperationException($"Kind '{info.Name}' is already registered by {existing.Type.FullName}; choose another kind name for {type.FullName}.");
        return info;
    }

    /// <summary>Finds a kind by name (case-sensitive, as in manifests).</summary>
    public bool TryGet(string kind, out KindInfo info) => _byName.TryGetValue(kind, out info!);

    /// <summary>Finds a kind by name or throws with the list of known kinds.</summary>
    public KindInfo Get(string kind) => TryGet(kind, out var info)
        ? info
        : throw new KeyNotFoundException($"Unknown kind '{kind}'. Known kinds: {string.Join(", ", _byName.Keys.Order())}.");
}
