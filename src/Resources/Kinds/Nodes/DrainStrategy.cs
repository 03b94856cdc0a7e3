namespace Reconciler.Resources.Kinds;

/// <summary>How a node is being drained of its allocations.</summary>
public sealed record DrainStrategy
{
    /// <summary>How long allocations may take to migrate before they are stopped; 0 stops them at once.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Leave system job allocations running.</summary>
    public bool IgnoreSystemJobs { get; init; }

    /// <summary>When the drain began.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
