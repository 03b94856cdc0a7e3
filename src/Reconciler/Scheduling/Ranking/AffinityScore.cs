using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Feasibility;
using Reconciler.Scheduling.Fit;

namespace Reconciler.Scheduling.Ranking;

/// <summary>Affinities: the weights of the affinities a node matches over the sum of all weights' magnitudes, in [-1, 1].</summary>
public sealed class AffinityScore(IReadOnlyList<Affinity> affinities) : IRankStep
{
    private readonly double _totalWeight = affinities.Sum(a => Math.Abs((double)a.Weight));

    /// <inheritdoc />
    public double? Score(Node node, FitResult fit)
    {
        if (_totalWeight == 0) return null;
        var matched = 0.0;
        foreach (var affinity in affinities)
        {
            var found = NodeProperty.TryResolve(node, affinity.Attribute, out var actual);
            var expected = affinity.Value is { } v && NodeProperty.TryResolve(node, v, out var resolved) ? resolved : affinity.Value;
            if (ValueComparison.Holds(affinity.Operator, found, actual, expected)) matched += affinity.Weight;
        }
        return matched == 0 ? null : matched / _totalWeight;
    }
}
