using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Fit;

namespace Reconciler.Scheduling.Ranking;

/// <summary>
/// The limit step: keeps the first <c>limit</c> fitting nodes rather than scoring every node, setting aside up to
/// three that score below zero in case better ones follow, then selects the best kept.
/// </summary>
public sealed class CandidateSampler(int limit)
{
    private const int MaxSkipped = 3;
    private readonly List<(Node Node, FitResult Fit, double Score)> _kept = [];
    private readonly List<(Node Node, FitResult Fit, double Score)> _skipped = [];

    /// <summary>How many candidates to keep for service jobs on <paramref name="nodes"/> nodes (about log2 n, at least 2); batch keeps 2.</summary>
    public static int LimitFor(JobType type, int nodes) =>
        type == JobType.Batch || nodes <= 2 ? 2 : Math.Max(2, (int)Math.Ceiling(Math.Log2(nodes)));

    /// <summary>Forgets every candidate, so one sampler serves placement after placement.</summary>
    public void Clear()
    {
        _kept.Clear();
        _skipped.Clear();
    }

    /// <summary>Enough candidates were kept.</summary>
    public bool IsFull => _kept.Count >= limit;

    /// <summary>Offers a fitting node with its score.</summary>
    public void Offer(Node node, FitResult fit, double score)
    {
        if (score < 0 && _skipped.Count < MaxSkipped) _skipped.Add((node, fit, score));
        else _kept.Add((node, fit, score));
    }

    /// <summary>The best candidate, topping up with set-aside ones when too few were kept; null when none fit.</summary>
    public (Node Node, FitResult Fit, double Score)? Best()
    {
        var pool = _kept.Count >= limit ? _kept : [.. _kept, .. _skipped.Take(limit - _kept.Count)];
        if (pool.Count == 0) return null;
        var best = pool[0];
        for (var i = 1; i < pool.Count; i++)
            if (pool[i].Score > best.Score) best = pool[i];
        return best;
    }
}
