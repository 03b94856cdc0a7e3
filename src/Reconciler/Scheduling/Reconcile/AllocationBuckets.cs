using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>
/// A task group's existing allocations sorted against the job, before anything acts: what to place, what to stop,
/// and which allocations are updated in place, replaced for the new version, migrated off draining nodes, lost
/// with their node, or left alone.
/// </summary>
public sealed record AllocationBuckets(string Group)
{
    /// <summary>Allocations to place, new ones and replacements.</summary>
    public List<PlacementRequest> Place { get; } = [];

    /// <summary>Allocations to stop, each with its reason (replaced ones included).</summary>
    public List<AllocationStop> Stop { get; } = [];

    /// <summary>Allocations moving to the new job version without a restart.</summary>
    public List<AllocationRecord> InPlaceUpdate { get; } = [];

    /// <summary>Allocations replaced for the new job version.</summary>
    public List<AllocationRecord> DestructiveUpdate { get; } = [];

    /// <summary>Allocations moved off draining nodes.</summary>
    public List<AllocationRecord> Migrate { get; } = [];

    /// <summary>Allocations whose node is down.</summary>
    public List<AllocationRecord> Lost { get; } = [];

    /// <summary>Allocations left as they are (failed ones whose reschedule attempts are used up among them).</summary>
    public List<AllocationRecord> Ignore { get; } = [];

    /// <summary>Failed allocations whose replacement waits for its reschedule delay.</summary>
    public List<DelayedReschedule> RescheduleLater { get; } = [];

    /// <summary>The live allocations that stay where they are (for spreads, anti-affinity and distinct checks).</summary>
    public IEnumerable<AllocationRecord> Staying => InPlaceUpdate.Concat(Ignore).Where(a => !a.IsTerminal);

    /// <summary>The buckets counted.</summary>
    public GroupDesiredChanges Changes => new()
    {
        Place = Place.Count(p => !p.IsReplacement),
        Stop = Stop.Count - DestructiveUpdate.Count - Migrate.Count - Lost.Count,
        InPlaceUpdate = InPlaceUpdate.Count,
        DestructiveUpdate = DestructiveUpdate.Count,
        Migrate = Migrate.Count,
        Lost = Lost.Count,
        Ignore = Ignore.Count + RescheduleLater.Count,
    };

    /// <summary>Stops <paramref name="allocation"/> for <paramref name="reason"/>.</summary>
    public void StopFor(AllocationRecord allocation, string reason, bool lost = false) =>
        Stop.Add(new AllocationStop(allocation, AllocationDesiredStatus.Stop, reason, lost));
}
