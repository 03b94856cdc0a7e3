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

    /// <summary>Every node once, starting where the previous pass stopped; the cursor moves past those read.</summary>
    public IEnumerable<Node> Pass()
    {
        for (var seen = 0; seen < _nodes.Length; seen++)
        {
            var node = _nodes[_offset];
            _offset = (_offset + 1) % _nodes.Length;
            yield return node;
        }
    }
}
