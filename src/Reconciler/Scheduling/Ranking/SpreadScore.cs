using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Feasibility;
using Reconciler.Scheduling.Fit;
using Reconciler.Scheduling.Placement;

namespace Reconciler.Scheduling.Ranking;

/// <summary>
/// Spreads: a node scores higher the further its attribute value is below its desired share of the group's
/// allocations. With targets, each value's share is its percent of the count and values not named share the
/// remainder; without targets, every value should hold the same number.
/// </summary>
public sealed class SpreadScore : IRankStep
{
    private const string Remainder = "*";
    private readonly IReadOnlyList<(Spread Spread, Dictionary<string, double> Desired)> _spreads;
    private readonly GroupPresence _presence;
    private readonly double _totalWeight;

    /// <summary>Scores <paramref name="spreads"/> for a group of <paramref name="count"/> allocations counted by <paramref name="presence"/>.</summary>
    public SpreadScore(IReadOnlyList<Spread> spreads, int count, GroupPresence presence)
    {
        _presence = presence;
        _totalWeight = spreads.Sum(s => (double)s.Weight);
        _spreads = [.. spreads.Select(s => (s, DesiredCounts(s, count)))];
        foreach (var spread in spreads) presence.Track(spread.Attribute);
    }

    /// <inheritdoc />
    public double? Score(Node node, FitResult fit)
    {
        if (_spreads.Count == 0) return null;
        var total = 0.0;
        foreach (var (spread, desired) in _spreads)
        {
            if (!NodeProperty.TryResolve(node, spread.Attribute, out var value))
            {
                total -= 1.0;
                continue;
            }
            total += desired.Count == 0 ? EvenBoost(spread.Attribute, value) : TargetBoost(spread, desired, value);
        }
        return total == 0 ? null : total;
    }

    private double TargetBoost(Spread spread, Dictionary<string, double> desired, string value)
    {
        if (!desired.TryGetValue(value, out var want) && !desired.TryGetValue(Remainder, out want)) return -1.0;
        if (want == 0) return -1.0;
        // Count the remainder's values together: they share one implicit target.
        var used = desired.ContainsKey(value)
            ? _presence.CountWhere(spread.Attribute, value)
            : _presence.CountsOf(spread.Attribute).Where(kv => !desired.ContainsKey(kv.Key)).Sum(kv => kv.Value);
        var weight = _totalWeight == 0 ? 1.0 : spread.Weight / _totalWeight;
        return (want - (used + 1)) / want * weight;
    }

    private double EvenBoost(string attribute, string value)
    {
        var counts = _presence.CountsOf(attribute).Where(kv => kv.Value > 0).ToList();
        if (counts.Count == 0) return 0;
        var current = counts.FirstOrDefault(kv => kv.Key == value).Value;
        var min = counts.Min(kv => kv.Value);
        var max = counts.Max(kv => kv.Value);
        if (current == 0) return 1.0;
        if (current != min) return (double)(min - current) / min;
        return min == max ? -1.0 : (double)(max - min) / min;
    }

    private static Dictionary<string, double> DesiredCounts(Spread spread, int count)
    {
        var desired = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var target in spread.Targets) desired[target.Value] = target.Percent / 100.0 * count;
        var sum = desired.Values.Sum();
        if (sum > 0 && sum < count) desired[Remainder] = count - sum;
        return desired;
    }
}
