using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Feasibility;

namespace Reconciler.Scheduling.Placement;

/// <summary>
/// Where a task group's live allocations are while a plan is made, existing and proposed: a count per node and,
/// for the properties spreads and distinct_property look at, a count per property value.
/// </summary>
public sealed class GroupPresence(IReadOnlyDictionary<string, Node> nodes)
{
    private readonly Dictionary<string, int> _perNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _perValue = new(StringComparer.Ordinal);

    /// <summary>Allocations counted in all.</summary>
    public int Total { get; private set; }

    /// <summary>Starts counting allocations per value of <paramref name="attribute"/> (idempotent).</summary>
    public void Track(string attribute)
    {
        if (_perValue.ContainsKey(attribute)) return;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (node, count) in _perNode)
            if (nodes.TryGetValue(node, out var n) && NodeProperty.TryResolve(n, attribute, out var value))
                counts[value] = counts.GetValueOrDefault(value) + count;
        _perValue[attribute] = counts;
    }

    /// <summary>Allocations of the group on <paramref name="node"/>.</summary>
    public int CountOn(string node) => _perNode.GetValueOrDefault(node);

    /// <summary>Allocations of the group on nodes whose <paramref name="attribute"/> is <paramref name="value"/>.</summary>
    public int CountWhere(string attribute, string value) =>
        _perValue.TryGetValue(attribute, out var counts) ? counts.GetValueOrDefault(value) : 0;

    /// <summary>The counts per value of a tracked <paramref name="attribute"/>.</summary>
    public IReadOnlyDictionary<string, int> CountsOf(string attribute) =>
        _perValue.TryGetValue(attribute, out var counts) ? counts : new Dictionary<string, int>();

    /// <summary>Counts one more allocation on <paramref name="node"/>.</summary>
    public void Add(string node) => Change(node, +1);

    /// <summary>Counts one allocation fewer on <paramref name="node"/>.</summary>
    public void Remove(string node) => Change(node, -1);

    private void Change(string node, int delta)
    {
        _perNode[node] = _perNode.GetValueOrDefault(node) + delta;
        Total += delta;
        if (!nodes.TryGetValue(node, out var n)) return;
        foreach (var (attribute, counts) in _perValue)
            if (NodeProperty.TryResolve(n, attribute, out var value))
                counts[value] = counts.GetValueOrDefault(value) + delta;
    }
}
