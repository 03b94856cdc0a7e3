using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>
/// Resolves the targets constraints, affinities and spreads name against a node: <c>${attr.…}</c> (fingerprinted
/// attributes), <c>${node.datacenter}</c>, <c>${node.class}</c>, <c>${node.unique.name}</c>, <c>${node.unique.id}</c>
/// and <c>${meta.…}</c>. Anything else is a literal.
/// </summary>
public static class NodeProperty
{
    /// <summary>The value <paramref name="target"/> has on <paramref name="node"/>; false when the node does not set it.</summary>
    public static bool TryResolve(Node node, string? target, out string value)
    {
        value = "";
        if (string.IsNullOrEmpty(target)) return false;
        if (!target.StartsWith("${", StringComparison.Ordinal) || !target.EndsWith('}'))
        {
            value = target;
            return true;
        }
        var path = target[2..^1];
        var resolved = path switch
        {
            "node.datacenter" => node.Spec.Datacenter,
            "node.class" => node.Spec.NodeClass,
            "node.unique.name" => node.Metadata.Name,
            "node.unique.id" => node.Metadata.Uid ?? node.Metadata.Name,
            _ when path.StartsWith("attr.", StringComparison.Ordinal) => Lookup(node.Spec.Attributes, path[5..]),
            _ when path.StartsWith("meta.", StringComparison.Ordinal) => Lookup(node.Spec.Meta, path[5..]),
            _ => null,
        };
        if (resolved is null) return false;
        value = resolved;
        return true;
    }

    /// <summary>
    /// <paramref name="target"/> parsed once into a function returning its value on a node (null when unset), for
    /// checks that run against thousands of nodes.
    /// </summary>
    public static Func<Node, string?> Resolver(string? target)
    {
        if (string.IsNullOrEmpty(target)) return static _ => null;
        if (!target.StartsWith("${", StringComparison.Ordinal) || !target.EndsWith('}')) return _ => target;
        var path = target[2..^1];
        return path switch
        {
            "node.datacenter" => static n => n.Spec.Datacenter,
            "node.class" => static n => n.Spec.NodeClass,
            "node.unique.name" => static n => n.Metadata.Name,
            "node.unique.id" => static n => n.Metadata.Uid ?? n.Metadata.Name,
            _ when path.StartsWith("attr.", StringComparison.Ordinal) => n => Lookup(n.Spec.Attributes, path[5..]),
            _ when path.StartsWith("meta.", StringComparison.Ordinal) => n => Lookup(n.Spec.Meta, path[5..]),
            _ => static _ => null,
        };
    }

    private static string? Lookup(IReadOnlyDictionary<string, string> map, string key) => map.TryGetValue(key, out var v) ? v : null;
}
