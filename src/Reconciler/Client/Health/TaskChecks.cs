using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Health;

/// <summary>
/// The latest results of one task's checks (reported in the task's status, so the deployment watcher can judge
/// them), and since when all of them have passed.
/// </summary>
public sealed class TaskChecks
{
    private readonly Dictionary<string, CheckResult> _results = new(StringComparer.Ordinal);

    /// <summary>When the checks run next; null runs them at once.</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>Since when every check has passed without a break; null while any fails or none ran.</summary>
    public DateTimeOffset? PassingSince { get; private set; }

    /// <summary>The task passed all checks at least once since it started, so a failure now makes it unhealthy.</summary>
    public bool WasHealthy { get; set; }

    /// <summary>The latest result of each check, ordered by name.</summary>
    public IReadOnlyList<CheckResult> Results => [.. _results.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];

    /// <summary>
    /// Records a run's results at <paramref name="now"/>. A check keeps the time it took its status for as long as
    /// the status holds, so "since" means continuously; checks no longer run are dropped.
    /// </summary>
    public void Record(IReadOnlyCollection<CheckRun> runs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(runs);
        foreach (var gone in _results.Keys.Except(runs.Select(r => r.Name), StringComparer.Ordinal).ToList()) _results.Remove(gone);
        foreach (var run in runs)
        {
            var status = run.Failure is null ? CheckStatus.Passing : CheckStatus.Critical;
            var since = _results.TryGetValue(run.Name, out var previous) && previous.Status == status ? previous.Since : now;
            _results[run.Name] = new CheckResult { Name = run.Name, Kind = run.Kind, Status = status, Output = Snippet(run.Failure), Since = since };
        }
        PassingSince = _results.Values.All(r => r.Status == CheckStatus.Passing) ? PassingSince ?? now : null;
    }

    /// <summary>Forgets every result (the task restarted).</summary>
    public void Reset()
    {
        _results.Clear();
        PassingSince = null;
        NextRunAt = null;
        WasHealthy = false;
    }

    private static string? Snippet(string? output) =>
        output is { Length: > CheckResult.MaxOutputLength } ? output[..(CheckResult.MaxOutputLength - 1)] + "…" : output;
}
