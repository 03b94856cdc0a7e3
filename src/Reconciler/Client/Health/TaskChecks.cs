namespace Reconciler.Client.Health;

/// <summary>The latest results of one task's checks, and since when all of them have passed.</summary>
public sealed class TaskChecks
{
    private readonly Dictionary<string, string?> _failures = new(StringComparer.Ordinal);

    /// <summary>When the checks run next; null runs them at once.</summary>
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>Since when every check has passed without a break; null while any fails or none ran.</summary>
    public DateTimeOffset? PassingSince { get; private set; }

    /// <summary>The task passed all checks at least once since it started, so a failure now makes it unhealthy.</summary>
    public bool WasHealthy { get; set; }

    /// <summary>Why checks failed in their last run, by check name; empty when all passed.</summary>
    public IReadOnlyDictionary<string, string?> Failures => _failures;

    /// <summary>Records a run's results at <paramref name="now"/>.</summary>
    public void Record(IReadOnlyDictionary<string, string?> results, DateTimeOffset now)
    {
        _failures.Clear();
        foreach (var (name, failure) in results.Where(pair => pair.Value is not null)) _failures[name] = failure;
        PassingSince = _failures.Count == 0 ? PassingSince ?? now : null;
    }

    /// <summary>Forgets every result (the task restarted).</summary>
    public void Reset()
    {
        _failures.Clear();
        PassingSince = null;
        NextRunAt = null;
        WasHealthy = false;
    }
}
