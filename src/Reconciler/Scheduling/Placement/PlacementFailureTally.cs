using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.Placement;

/// <summary>
/// Counts why nodes were ruled out while looking for room for one allocation, and words it for people:
/// "3 nodes exhausted on memory, 2 nodes filtered by constraint ${attr.kernel.name} = windows".
/// </summary>
public sealed class PlacementFailureTally
{
    private readonly Dictionary<string, int> _filtered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exhausted = new(StringComparer.Ordinal);

    /// <summary>Nodes looked at.</summary>
    public int Evaluated { get; private set; }

    /// <summary>The last node counted was ruled out for lack of resources (so preemption might free it).</summary>
    public bool LastWasExhausted { get; private set; }

    /// <summary>Forgets every count, so one tally serves placement after placement (most succeed and are never worded).</summary>
    public void Clear()
    {
        _filtered.Clear();
        _exhausted.Clear();
        Evaluated = 0;
        LastWasExhausted = false;
    }

    /// <summary>Counts a node looked at.</summary>
    public void CountEvaluated() => Evaluated++;

    /// <summary>Counts a node ruled out by a constraint, driver or volume.</summary>
    public void Filtered(string reason)
    {
        _filtered[reason] = _filtered.GetValueOrDefault(reason) + 1;
        LastWasExhausted = false;
    }

    /// <summary>Counts a node that passed every check but lacked <paramref name="dimension"/>.</summary>
    public void Exhausted(string dimension)
    {
        _exhausted[dimension] = _exhausted.GetValueOrDefault(dimension) + 1;
        LastWasExhausted = true;
    }

    /// <summary>The failure as the evaluation records it; <paramref name="noNodes"/> words the case of no candidate nodes at all.</summary>
    public PlacementFailure ToFailure(string noNodes) => new()
    {
        NodesEvaluated = Evaluated,
        NodesFiltered = _filtered.Values.Sum(),
        NodesExhausted = _exhausted.Values.Sum(),
        ConstraintFiltered = new Dictionary<string, int>(_filtered),
        DimensionExhausted = new Dictionary<string, int>(_exhausted),
        Description = Describe(noNodes),
    };

    private string Describe(string noNodes)
    {
        if (Evaluated == 0) return noNodes;
        var parts = _exhausted.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{Nodes(kv.Value)} exhausted on {kv.Key}")
            .Concat(_filtered.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => $"{Nodes(kv.Value)} filtered by {kv.Key}"));
        return string.Join(", ", parts);
    }

    private static string Nodes(int n) => n == 1 ? "1 node" : $"{n} nodes";
}
