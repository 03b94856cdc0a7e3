using System.Runtime.InteropServices;
using Reconciler.Resources.Model;

namespace Reconciler.Store.Writes;

/// <summary>
/// The in-memory secondary index over current objects: each key's stamp, and the keys of each kind by
/// namespace. Rebuilt on open; not thread-safe (the store guards it with its state lock).
/// </summary>
internal sealed class ResourceIndex
{
    // Cluster-scoped objects have no namespace; "" cannot be a namespace name, so it stands in for null.
    private const string NoNamespace = "";

    private readonly Dictionary<ResourceKey, ObjectStamp> _stamps = [];
    private readonly Dictionary<string, Dictionary<string, HashSet<ResourceKey>>> _byKind = new(StringComparer.Ordinal);

    /// <summary>How many objects there are.</summary>
    public int Count => _stamps.Count;

    /// <summary>Every key.</summary>
    public IReadOnlyCollection<ResourceKey> AllKeys => _stamps.Keys;

    /// <summary>The stamp of an object, or null when it does not exist.</summary>
    public ObjectStamp? Get(ResourceKey key) => _stamps.TryGetValue(key, out var stamp) ? stamp : null;

    /// <summary>Records a change.</summary>
    public void Apply(PlannedChange change)
    {
        if (change.Stamp is { } stamp) Set(change.Key, stamp);
        else Remove(change.Key);
    }

    /// <summary>Records an object as current.</summary>
    public void Set(ResourceKey key, ObjectStamp stamp)
    {
        // One hash lookup for the common update; the by-kind set only changes for a new key.
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_stamps, key, out var existed);
        slot = stamp;
        if (!existed) KeysOf(key.Kind, key.Namespace, create: true)!.Add(key);
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        _stamps.Clear();
        _byKind.Clear();
    }

    /// <summary>The keys of one kind, in one namespace or (null) all of them.</summary>
    public IEnumerable<ResourceKey> Keys(string kind, string? @namespace)
    {
        if (!_byKind.TryGetValue(kind, out var byNamespace)) return [];
        if (@namespace is not null) return byNamespace.TryGetValue(@namespace, out var keys) ? keys : [];
        return byNamespace.Values.SelectMany(keys => keys);
    }

    private void Remove(ResourceKey key)
    {
        if (!_stamps.Remove(key)) return;
        var keys = KeysOf(key.Kind, key.Namespace, create: false)!;
        keys.Remove(key);
        if (keys.Count == 0) _byKind[key.Kind].Remove(key.Namespace ?? NoNamespace);
    }

    private HashSet<ResourceKey>? KeysOf(string kind, string? @namespace, bool create)
    {
        if (!_byKind.TryGetValue(kind, out var byNamespace))
        {
            if (!create) return null;
            _byKind[kind] = byNamespace = new Dictionary<string, HashSet<ResourceKey>>(StringComparer.Ordinal);
        }
        var ns = @namespace ?? NoNamespace;
        if (!byNamespace.TryGetValue(ns, out var keys) && create) byNamespace[ns] = keys = [];
        return keys;
    }
}
