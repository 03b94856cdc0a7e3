using System.Collections.Concurrent;

using Reconciler.Resources.Model;

namespace Reconciler.Informers;

/// <summary>
/// The informer's read cache: the latest state of every object of the watched kinds, as of the informer's
/// observed revision. Reconcilers read here instead of the store; only the informer writes.
/// </summary>
public sealed class ResourceCache
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<ResourceKey, Resource>> _byKind = new(StringComparer.Ordinal);

    /// <summary>The kinds this cache holds.</summary>
    public IEnumerable<string> Kinds => _byKind.Keys;

    /// <summary>The cached object with <paramref name="key"/>, or null.</summary>
    public Resource? Get(ResourceKey key) =>
        _byKind.TryGetValue(key.Kind, out var objects) && objects.TryGetValue(key, out var resource) ? resource : null;

    /// <summary>The cached object with <paramref name="key"/> as a <typeparamref name="T"/>, or null.</summary>
    public T? Get<T>(ResourceKey key) where T : Resource => Get(key) as T;

    /// <summary>Cached objects of kind <typeparamref name="T"/>, optionally in one namespace and matching a selector.</summary>
    public IReadOnlyList<T> List<T>(string? @namespace = null, LabelSelector? selector = null) where T : Resource =>
        [.. List(KindInfo.Of<T>().Name, @namespace, selector).Cast<T>()];

    /// <summary>Cached objects of <paramref name="kind"/>, optionally in one namespace and matching a selector.</summary>
    public IReadOnlyList<Resource> List(string kind, string? @namespace = null, LabelSelector? selector = null)
    {
        if (!_byKind.TryGetValue(kind, out var objects)) return [];
        return [.. objects.Values.Where(r =>
            (@namespace is null || r.Key.Namespace == @namespace)
            && (selector is null || selector.Matches(r.Metadata.Labels)))];
    }

    /// <summary>How many objects of <paramref name="kind"/> are cached.</summary>
    public int Count(string kind) => _byKind.TryGetValue(kind, out var objects) ? objects.Count : 0;

    internal void AddKind(string kind) => _byKind.GetOrAdd(kind, _ => new ConcurrentDictionary<ResourceKey, Resource>());

    internal bool Holds(string kind) => _byKind.ContainsKey(kind);

    internal IReadOnlyCollection<Resource> Snapshot(string kind) =>
        _byKind.TryGetValue(kind, out var objects) ? [.. objects.Values] : [];

    internal void Set(Resource resource) => _byKind[resource.Kind][resource.Key] = resource;

    internal void Remove(ResourceKey key)
    {
        if (_byKind.TryGetValue(key.Kind, out var objects)) objects.TryRemove(key, out _);
    }
}
