using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Feasibility;
using Reconciler.Scheduling.Fit;
using Reconciler.Scheduling.Preemption;
using Reconciler.Scheduling.Ranking;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Placement;

/// <summary>
/// The placement pipeline of one task group, after Nomad's stack: candidate nodes in a shuffled rotation →
/// feasibility (drivers, volumes, constraints, distinct checks) → fit (CPU, memory, ports) → ranking (bin packing,
/// job anti-affinity, affinities, spreads, the reschedule penalty) → limit (a few fitting nodes, not all) → the best; when nothing fits,
/// preemption of lower-priority allocations. It only reads the plan in progress, except that it takes evicted
/// victims out of it.
/// </summary>
public sealed class PlacementStack
{
    private readonly FeasibilityChecks _checks;
    private readonly NodeFit _fit;
    private readonly IRankStep[] _rank;
    private readonly ProposedUsage _usage;
    private readonly ResourceAsk _ask;
    private readonly PreemptionSelector? _preemption;
    private readonly int _priority;
    private readonly string _jobKey;
    private readonly CandidateSampler _sampler;
    private readonly ReschedulePenaltyScore _penalty = new();

    /// <summary>A stack for <paramref name="group"/> of a job of <paramref name="type"/> and <paramref name="priority"/>.</summary>
    public PlacementStack(
        TaskGroup group, JobType type, int priority, string jobKey, int candidateNodes,
        ProposedUsage usage, GroupPresence presence, SchedulerOptions options, Random random)
    {
        _checks = new FeasibilityChecks(group, presence);
        _fit = new NodeFit(options, random);
        _ask = ResourceAsk.Of(group);
        _usage = usage;
        _priority = priority;
        _jobKey = jobKey;
        _preemption = options.PreemptionEnabled ? new PreemptionSelector(options.PreemptionPriorityGap) : null;
        _rank = [new BinPackScore(), new JobAntiAffinityScore(presence, group.Count), new AffinityScore(group.Affinities), new SpreadScore(group.Spreads, group.Count, presence), _penalty];
        // Affinities and spreads only mean something when every node is compared (as Nomad does).
        _sampler = new CandidateSampler(group.Affinities.Count > 0 || group.Spreads.Count > 0 ? int.MaxValue : CandidateSampler.LimitFor(type, candidateNodes));
    }

    /// <summary>What one allocation reserves.</summary>
    public ResourceAsk Ask => _ask;

    /// <summary>
    /// The best node of <paramref name="rotation"/>, or null with the reasons counted in <paramref name="tally"/>;
    /// <paramref name="penalizedNode"/> (where a rescheduled allocation failed) ranks lower, chosen only when nothing better fits.
    /// </summary>
    public PlacementChoice? Select(NodeRotation rotation, PlacementFailureTally tally, string? penalizedNode = null)
    {
        var sampler = _sampler;
        sampler.Clear();
        _penalty.Node = penalizedNode;
        // Only a placement that finds no room needs the exhausted nodes (for preemption): most never make the list.
        List<Node>? exhausted = null;
        for (var seen = 0; seen < rotation.Count; seen++)
        {
            var node = rotation.Next();
            if (Evaluate(node, tally) is not { } fit)
            {
                if (tally.LastWasExhausted) (exhausted ??= []).Add(node);
                continue;
            }
            sampler.Offer(node, fit, Score(node, fit));
            if (sampler.IsFull) break;
        }
        if (sampler.Best() is { } best) return new PlacementChoice(best.Node, best.Fit, []);
        return exhausted is null ? null : Preempt(exhausted);
    }

    /// <summary>Placement on <paramref name="node"/> only (system jobs); null with the reason in <paramref name="tally"/>.</summary>
    public PlacementChoice? SelectOn(Node node, PlacementFailureTally tally)
    {
        if (Evaluate(node, tally) is { } fit) return new PlacementChoice(node, fit, []);
        return tally.LastWasExhausted ? Preempt([node]) : null;
    }

    private FitResult? Evaluate(Node node, PlacementFailureTally tally)
    {
        tally.CountEvaluated();
        if (_checks.WhyInfeasible(node) is { } reason)
        {
            tally.Filtered(reason);
            return null;
        }
        var fit = _fit.Check(node, _usage, _ask);
        if (fit.Fits) return fit;
        tally.Exhausted(fit.Exhausted!);
        return null;
    }

    private double Score(Node node, FitResult fit)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < _rank.Length; i++)
        {
            if (_rank[i].Score(node, fit) is not { } score) continue;
            sum += score;
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    private PlacementChoice? Preempt(IReadOnlyList<Node> exhausted)
    {
        if (_preemption is null) return null;
        (Node Node, IReadOnlyList<AllocationRecord> Victims)? best = null;
        foreach (var node in exhausted)
        {
            var victims = _preemption.Select(node, [.. _usage.AllocationsOn(node.Metadata.Name)], _ask, _priority, _jobKey);
            if (victims is null) continue;
            if (best is null || Cost(victims).CompareTo(Cost(best.Value.Victims)) < 0) best = (node, victims);
        }
        if (best is not { } chosen) return null;
        foreach (var victim in chosen.Victims) _usage.Remove(victim);
        var fit = _fit.Check(chosen.Node, _usage, _ask);
        return fit.Fits ? new PlacementChoice(chosen.Node, fit, chosen.Victims) : null;
    }

    // Fewer victims first, then lower priorities.
    private static (int Count, int Priorities) Cost(IReadOnlyList<AllocationRecord> victims) => (victims.Count, victims.Sum(v => v.Priority));
}
