using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling.Placement;
using Reconciler.Scheduling.Reconcile;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Plans;

/// <summary>
/// Collects a plan while the scheduler makes it, keeping the proposed usage in step: stops and evictions free
/// resources for later placements, placements take them.
/// </summary>
public sealed class PlanBuilder(SchedulerState state, SchedulerOptions options)
{
    private readonly List<Allocation> _placements = [];
    private readonly List<AllocationStop> _stops = [];
    private readonly List<AllocationStop> _preemptions = [];
    private readonly List<InPlaceUpdate> _updates = [];
    private readonly Dictionary<string, PlacementFailure> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GroupDesiredChanges> _changes = new(StringComparer.Ordinal);
    private DateTimeOffset? _rescheduleAt;

    /// <summary>The cluster as the plan so far leaves it.</summary>
    public ProposedUsage Usage { get; } = new(state.Cluster);

    private long Version => state.Job?.Metadata.Generation ?? 0;

    private int Priority => state.Job?.Spec.Priority ?? 0;

    /// <summary>Records the stops and in-place updates of <paramref name="buckets"/>; placements follow through <see cref="Place"/>.</summary>
    public void Record(AllocationBuckets buckets)
    {
        _changes[buckets.Group] = buckets.Changes;
        foreach (var stop in buckets.Stop)
        {
            _stops.Add(stop);
            Usage.Remove(stop.Allocation);
        }
        foreach (var a in buckets.InPlaceUpdate) _updates.Add(new InPlaceUpdate(a, Version, Priority));
        foreach (var delayed in buckets.RescheduleLater)
            if (_rescheduleAt is null || delayed.DueAt < _rescheduleAt) _rescheduleAt = delayed.DueAt;
    }

    /// <summary>Places <paramref name="request"/> of <paramref name="group"/> as <paramref name="choice"/> says, evicting its victims.</summary>
    public Allocation Place(PlacementRequest request, TaskGroup group, PlacementChoice choice, Fit.ResourceAsk ask, string digest)
    {
        var job = state.Job!;
        var id = options.NewAllocationId?.Invoke() ?? NewId();
        var allocation = new Allocation
        {
            Metadata = new ObjectMeta { Name = id, Namespace = state.JobKey.Namespace ?? ObjectMeta.DefaultNamespace },
            Spec = new AllocationSpec
            {
                Job = job.Metadata.Name,
                JobVersion = Version,
                Group = group.Name,
                Index = request.Index,
                Node = choice.Node.Metadata.Name,
                Resources = ask.PerTask,
                Ports = choice.Fit.Ports,
                PreviousAllocation = request.Previous?.Id,
                RescheduleEvents = request.RescheduleEvents ?? [],
                Name = AllocationNames.Of(job.Metadata.Name, group.Name, request.Index),
                Priority = Priority,
                GroupDigest = digest,
                DeploymentId = state.Deployment?.Metadata.Name,
                Canary = request.Canary,
            },
        };
        foreach (var victim in choice.Victims)
            _preemptions.Add(new AllocationStop(victim, AllocationDesiredStatus.Evict, $"Preempted by alloc ID {id}", PreemptedBy: id));
        if (choice.Victims.Count > 0) _changes[group.Name] = ChangesOf(group.Name) with { Preemptions = ChangesOf(group.Name).Preemptions + choice.Victims.Count };
        _placements.Add(allocation);
        Usage.Add(AllocationRecord.From(allocation));
        return allocation;
    }

    /// <summary>Records that a placement of <paramref name="group"/> failed: the first failure with its reasons, later ones coalesced.</summary>
    public void Fail(string group, PlacementFailure failure)
    {
        _failures[group] = _failures.TryGetValue(group, out var first) ? first with { CoalescedFailures = first.CoalescedFailures + 1 } : failure;
        _queued[group] = _queued.GetValueOrDefault(group) + 1;
    }

    /// <summary>The group's first placement failure so far, if any.</summary>
    public PlacementFailure? FailureOf(string group) => _failures.GetValueOrDefault(group);

    /// <summary>The plan.</summary>
    public Plan Build() => new()
    {
        Job = state.JobKey,
        JobVersion = Version,
        Priority = Priority,
        Placements = _placements,
        Stops = _stops,
        Preemptions = _preemptions,
        InPlaceUpdates = _updates,
        Failures = _failures,
        Queued = _queued,
        Changes = _changes,
        RescheduleAt = _rescheduleAt,
    };

    private GroupDesiredChanges ChangesOf(string group) => _changes.GetValueOrDefault(group) ?? new GroupDesiredChanges();

    // Ids never come from the seeded random: two passes with one seed would name their allocations alike.
    private static string NewId()
    {
        Span<byte> bytes = stackalloc byte[8];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
