namespace Reconciler.Scheduling;

/// <summary>How the scheduler places: the dynamic port range, preemption, randomness and allocation ids.</summary>
public sealed record SchedulerOptions
{
    /// <summary>The lowest dynamic host port (Nomad: 20000).</summary>
    public int MinDynamicPort { get; init; } = 20000;

    /// <summary>The highest dynamic host port (Nomad: 32000).</summary>
    public int MaxDynamicPort { get; init; } = 32000;

    /// <summary>Higher-priority jobs may evict allocations of jobs at least <see cref="PreemptionPriorityGap"/> lower.</summary>
    public bool PreemptionEnabled { get; init; } = true;

    /// <summary>How much lower a victim's job priority must be (Nomad: 10).</summary>
    public int PreemptionPriorityGap { get; init; } = 10;

    /// <summary>Seeds the node shuffle and dynamic ports (not allocation ids); null seeds from the clock. Tests fix it.</summary>
    public int? Seed { get; init; }

    /// <summary>Makes a new allocation id; null uses random 16-hex-digit ids.</summary>
    public Func<string>? NewAllocationId { get; init; }
}
