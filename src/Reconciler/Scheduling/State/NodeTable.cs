using System.Collections;
using System.Diagnostics.CodeAnalysis;

using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.State;

/// <summary>
/// The nodes of a <see cref="ClusterState"/>, each in a fixed slot so per-node data can live in plain arrays that
/// a new state copies in one go. Immutable; a node change makes a new table. A slot may hold no node (a node
/// deleted, or named by allocations before it registered).
/// </summary>
public sealed class NodeTable : IReadOnlyDictionary<string, Node>
{
    private readonly Dictionary<string, int> _slots;
    private readonly Node?[] _nodes;
    private IReadOnlyList<Node>? _schedulable;

    /// <summary>A table without nodes.</summary>
    public static NodeTable Empty { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal), []);

    private NodeTable(Dictionary<string, int> slots, Node?[] nodes)
    {
        _slots = slots;
        _nodes = nodes;
        Count = nodes.Count(n => n is not null);
    }

    /// <summary>Slots in use, nodes or not.</summary>
    public int Slots => _nodes.Length;

    /// <inheritdoc />
    public int Count { get; }

    /// <summary>The schedulable nodes (ready, eligible, not draining) ordered by name, computed once per table.</summary>
    public IReadOnlyList<Node> Schedulable => _schedulable ??= [.. this.Values.Where(Placement.SchedulableNodes.IsSchedulable).OrderBy(n => n.Metadata.Name, StringComparer.Ordinal)];

    /// <inheritdoc />
    public Node this[string key] => TryGetValue(key, out var node) ? node : throw new KeyNotFoundException($"Node/{key} is not known to the scheduler.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => Values.Select(n => n.Metadata.Name);

    /// <inheritdoc />
    public IEnumerable<Node> Values => _nodes.Where(n => n is not null)!;

    /// <summary>The slot of <paramref name="name"/>, or -1.</summary>
    public int SlotOf(string name) => _slots.TryGetValue(name, out var slot) ? slot : -1;

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out Node value)
    {
        value = _slots.TryGetValue(key, out var slot) ? _nodes[slot] : null;
        return value is not null;
    }

    /// <summary>A table with <paramref name="nodes"/> set; a null node empties its slot.</summary>
    public NodeTable WithNodes(IEnumerable<(string Name, Node? Node)> nodes)
    {
        var (slots, array) = (_slots, (Node?[])_nodes.Clone());
        foreach (var (name, node) in nodes) array = Place(ref slots, array, name, node);
        return new NodeTable(slots, array);
    }

    /// <summary>This table, or one with empty slots added for the <paramref name="names"/> it lacks.</summary>
    public NodeTable WithSlots(IEnumerable<string> names)
    {
        var missing = names.Where(n => !_slots.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return this;
        var (slots, array) = (_slots, (Node?[])_nodes.Clone());
        foreach (var name in missing) array = Place(ref slots, array, name, null);
        return new NodeTable(slots, array);
    }

    private Node?[] Place(ref Dictionary<string, int> slots, Node?[] array, string name, Node? node)
    {
        if (!slots.TryGetValue(name, out var slot))
        {
            if (ReferenceEquals(slots, _slots)) slots = new Dictionary<string, int>(_slots, StringComparer.Ordinal);
            slot = slots.Count;
            slots[name] = slot;
            Array.Resize(ref array, slot + 1);
        }
        array[slot] = node;
        return array;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, Node>> GetEnumerator() => Values.Select(n => KeyValuePair.Create(n.Metadata.Name, n)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
