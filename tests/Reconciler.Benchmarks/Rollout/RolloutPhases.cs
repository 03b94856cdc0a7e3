using Reconciler.Resources.Kinds;

namespace Reconciler.Benchmarks.Rollout;

/// <summary>
/// Where a Reconciler rollout's time went, read from the new allocations' own timestamps (median milliseconds): from
/// placement to the container started, from started to judged healthy, and from the latest health judgement before a
/// placement to that placement (the hop through the deployment watcher, an evaluation and the scheduler).
/// </summary>
public sealed record RolloutPhases(double PlacedToStartedMs, double StartedToHealthyMs, double HealthyToNextPlacedMs)
{
    /// <summary>The phases of <paramref name="allocations"/>, the converged allocations of one version.</summary>
    public static RolloutPhases Of(IReadOnlyList<Allocation> allocations)
    {
        var started = allocations.Select(a => (CreatedAt: a.Metadata.CreatedAt!.Value, Started: a.Status.TaskStates.Values.Max(t => t.StartedAt), Healthy: a.Status.Health?.Timestamp)).ToList();
        var healthyTimes = started.Where(a => a.Healthy is not null).Select(a => a.Healthy!.Value).ToList();
        var hops = started
            .Select(a => healthyTimes.Where(h => h <= a.CreatedAt).Select(h => (DateTimeOffset?)h).Max() is { } before ? (a.CreatedAt - before).TotalMilliseconds : (double?)null)
            .OfType<double>().ToList();
        return new RolloutPhases(
            Median(started.Where(a => a.Started is not null).Select(a => (a.Started!.Value - a.CreatedAt).TotalMilliseconds)),
            Median(started.Where(a => a.Started is not null && a.Healthy is not null).Select(a => (a.Healthy!.Value - a.Started!.Value).TotalMilliseconds)),
            Median(hops));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : Math.Round(sorted[sorted.Count / 2]);
    }
}
