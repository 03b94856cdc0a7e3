using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Placement;

/// <summary>
/// The candidate nodes in a random order fixed for one plan, read from a cursor that carries over between
/// placements, so consecutive placements look at different nodes first (as Nomad's shuffled node iterator does).
/// </summary>
public sealed class NodeRotation
{
    private readonly Node[] _nodes;
    private int _offset;

    /// <summary>Shuffles <paramref name="nodes"/> with <paramref name="random"/>.</summary>
    public NodeRotation(IEnumerable<Node> nodes, Random random)
    {
        _nodes = [.. nodes];
        random.Shuffle(_nodes);
    }

    /// <summary>How many nodes take part.</summary>
    public int Count => _nodes.Length;

    /// <summary>The next node; the cursor moves past it. <see cref="Count"/> calls in a row read every node once.</summary>
    public Node Next()
    {
        var node = _nodes[_offset];
        _offset = _offset + 1 == _nodes.Length ? 0 : _offset + 1;
        return node;
    }
}
