using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Scheduling.Plans;

/// <summary>
/// What one scheduling pass decided for a job, as plain data: allocations to place, to stop, to evict and to
/// update in place, and why groups could not be placed. The plan applier commits it; <c>job plan</c> shows it.
/// </summary>
public sealed record Plan
{
    /// <summary>The job planned for.</summary>
    public required ResourceKey Job { get; init; }

    /// <summary>The job version planned for (0 when the job is gone).</summary>
    public long JobVersion { get; init; }

    /// <summary>The job's priority.</summary>
    public int Priority { get; init; }

    /// <summary>New allocations, complete objects ready to store.</summary>
    public IReadOnlyList<Allocation> Placements { get; init; } = [];

    /// <summary>The job's own allocations to stop (scale down, stop, destructive update, migration, lost node).</summary>
    public IReadOnlyList<AllocationStop> Stops { get; init; } = [];

    /// <summary>Other jobs' allocations evicted to make room.</summary>
    public IReadOnlyList<AllocationStop> Preemptions { get; init; } = [];

    /// <summary>Allocations moved to the new job version without a restart.</summary>
    public IReadOnlyList<InPlaceUpdate> InPlaceUpdates { get; init; } = [];

    /// <summary>Why allocations of a group could not be placed, by group.</summary>
    public IReadOnlyDictionary<string, PlacementFailure> Failures { get; init; } = new Dictionary<string, PlacementFailure>();

    /// <summary>Allocations of each group still waiting for room.</summary>
    public IReadOnlyDictionary<string, int> Queued { get; init; } = new Dictionary<string, int>();

    /// <summary>What the plan does to each group, counted per bucket.</summary>
    public IReadOnlyDictionary<string, GroupDesiredChanges> Changes { get; init; } = new Dictionary<string, GroupDesiredChanges>();

    /// <summary>
    /// When the earliest failed allocation waiting for its reschedule delay is due, if any: the evaluation leaves a
    /// follow-up evaluation that waits until then (Nomad's delayed follow-up), which places the replacement.
    /// </summary>
    public DateTimeOffset? RescheduleAt { get; init; }

    /// <summary>Nothing to write.</summary>
    public bool IsEmpty => Placements.Count == 0 && Stops.Count == 0 && Preemptions.Count == 0 && InPlaceUpdates.Count == 0;
}
