using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;

using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>
/// Nomad's computed node class: nodes alike in everything static feasibility reads (datacenter, node class,
/// attributes, meta, drivers, host volumes) share one class, so a group's drivers, volumes and constraints are
/// checked once per class rather than once per node. Attributes and meta under <c>unique.</c> and the node's name
/// and id are left out — a constraint on them is checked per node (<see cref="EscapesClass"/>).
/// </summary>
public static class ComputedNodeClass
{
    private const string Unique = "unique.";
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static int _lastId;

    // Remembered per node object: a node changes by being replaced, so a stale class can never be read.
    private static readonly ConditionalWeakTable<Node, StrongBox<int>> ByNode = [];

    /// <summary>The class of <paramref name="node"/>, a small number equal for nodes alike in every static respect.</summary>
    public static int Of(Node node) =>
        ByNode.TryGetValue(node, out var known) ? known.Value : ByNode.GetValue(node, static n => new StrongBox<int>(Ids.GetOrAdd(KeyOf(n), _ => Interlocked.Increment(ref _lastId)))).Value;

    /// <summary>True when <paramref name="target"/> names something the class leaves out, so its answer differs per node.</summary>
    public static bool EscapesClass(string? target) =>
        target is not null && (target.Contains("${node.unique.", StringComparison.Ordinal)
            || target.Contains("${attr." + Unique, StringComparison.Ordinal)
            || target.Contains("${meta." + Unique, StringComparison.Ordinal));

    private static string KeyOf(Node node)
    {
        var spec = node.Spec;
        var key = new StringBuilder();
        key.Append(spec.Datacenter).Append('\0').Append(spec.NodeClass).Append('\0');
        Append(key, 'a', spec.Attributes);
        Append(key, 'm', spec.Meta);
        foreach (var (name, driver) in spec.Drivers.OrderBy(d => d.Key, StringComparer.Ordinal))
            key.Append('d').Append(name).Append(driver.Detected ? '+' : '-').Append(driver.Healthy ? '+' : '-').Append('\0');
        foreach (var (name, volume) in spec.HostVolumes.OrderBy(v => v.Key, StringComparer.Ordinal))
            key.Append('v').Append(name).Append(volume.ReadOnly ? 'r' : 'w').Append('\0');
        return key.ToString();
    }

    private static void Append(StringBuilder key, char kind, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            if (!name.StartsWith(Unique, StringComparison.Ordinal)) key.Append(kind).Append(name).Append('=').Append(value).Append('\0');
    }
}
