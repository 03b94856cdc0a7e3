using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Reconcile;
using Reconciler.Scheduling.State;

namespace Reconciler.Tests.Scheduling;

public sealed class ReconcileBucketTests
{
    private static readonly IReadOnlyDictionary<string, Node> Nodes = new Dictionary<string, Node>
    {
        ["up"] = Cluster.Node("up"),
        ["down"] = Cluster.Node("down", state: NodeState.Down),
    };

    private static GroupSpec Spec(int count, long version = 2, string digest = "d2", int maxParallel = 0, JobType type = JobType.Service) =>
        new("web", Cluster.Group(count: count) with { Update = new UpdateStrategy { MaxParallel = maxParallel } }, type, version, digest, false);

    private static AllocationRecord Alloc(int index, string node = "up", long version = 2, string digest = "d2",
        AllocationClientStatus client = AllocationClientStatus.Running, bool migrate = false) =>
        new($"a{index}-{node}-{client}", "default", "web", "web", index, node, version, 50, 500, 256, [], AllocationDesiredStatus.Run, client, 1)
        {
            GroupDigest = digest,
            Migrate = migrate,
        };

    public static TheoryData<string, GroupSpec, AllocationRecord[], GroupDesiredChanges> Cases => new()
    {
        { "new job places every index", Spec(3), [], new() { Place = 3 } },
        { "nothing changed is ignored", Spec(2), [Alloc(0), Alloc(1)], new() { Ignore = 2 } },
        { "scaling up places the missing indexes", Spec(3), [Alloc(0)], new() { Place = 2, Ignore = 1 } },
        { "scaling down stops the highest indexes", Spec(1), [Alloc(0), Alloc(1), Alloc(2)], new() { Stop = 2, Ignore = 1 } },
        { "an unchanged group digest updates in place", Spec(2), [Alloc(0, version: 1), Alloc(1, version: 1)], new() { InPlaceUpdate = 2 } },
        { "a changed group digest replaces all without a limit", Spec(2), [Alloc(0, version: 1, digest: "d1"), Alloc(1, version: 1, digest: "d1")], new() { DestructiveUpdate = 2 } },
        { "destructive updates respect maxParallel", Spec(3, maxParallel: 1), [Alloc(0, version: 1, digest: "d1"), Alloc(1, version: 1, digest: "d1"), Alloc(2, version: 1, digest: "d1")], new() { DestructiveUpdate = 1, Ignore = 2 } },
        { "allocations on a down node are lost and replaced", Spec(2), [Alloc(0), Alloc(1, node: "down")], new() { Lost = 1, Ignore = 1 } },
        { "allocations marked by a drain migrate", Spec(2), [Alloc(0), Alloc(1, migrate: true)], new() { Migrate = 1, Ignore = 1 } },
        { "a failed allocation of unknown failure time is rescheduled at once", Spec(1), [Alloc(0, client: AllocationClientStatus.Failed)], new() { Place = 1 } },
        { "a failed allocation within its reschedule delay waits", Spec(1), [Alloc(0, client: AllocationClientStatus.Failed) with { FinishedAt = Cluster.Now }], new() { Ignore = 1 } },
        { "completed batch allocations are done", Spec(2, type: JobType.Batch), [Alloc(0, client: AllocationClientStatus.Complete), Alloc(1)], new() { Ignore = 1 } },
        { "completed service allocations are replaced", Spec(1), [Alloc(0, client: AllocationClientStatus.Complete)], new() { Place = 1 } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Existing_allocations_are_sorted_into_buckets_before_anything_acts(string because, GroupSpec spec, AllocationRecord[] existing, GroupDesiredChanges expected)
    {
        var buckets = ServiceGroupReconciler.Reconcile(spec, existing, Nodes, Cluster.Now);

        buckets.Changes.Should().Be(expected, because);
    }

    [Fact]
    public void Replacements_keep_the_index_and_name_the_allocation_they_replace()
    {
        var lost = Alloc(1, node: "down");
        var failed = Alloc(0, client: AllocationClientStatus.Failed);

        var buckets = ServiceGroupReconciler.Reconcile(Spec(2), [failed, lost], Nodes, Cluster.Now);

        buckets.Place.Should().BeEquivalentTo(new[]
        {
            new PlacementRequest("web", 1, lost, IsReplacement: true),
            new PlacementRequest("web", 0, failed)
            {
                RescheduleEvents = [new RescheduleEvent { PreviousAllocation = failed.Id, PreviousNode = "up", Time = Cluster.Now, Delay = TimeSpan.FromSeconds(30) }],
            },
        });
        buckets.Stop.Should().ContainSingle().Which.Should().Match<Reconciler.Scheduling.Plans.AllocationStop>(s => s.Lost && s.Description == StopReasons.Lost);
    }

    [Fact]
    public void A_stopped_job_stops_every_live_allocation()
    {
        var buckets = ServiceGroupReconciler.Reconcile(new GroupSpec("web", null, JobType.Service, 2, null, true), [Alloc(0), Alloc(1)], Nodes, Cluster.Now);

        buckets.Stop.Should().HaveCount(2).And.OnlyContain(s => s.Description == StopReasons.JobStopped);
        buckets.Place.Should().BeEmpty();
    }
}
