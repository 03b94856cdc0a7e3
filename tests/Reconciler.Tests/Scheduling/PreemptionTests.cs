using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Scheduling;

public sealed class PreemptionTests
{
    // One node of 4000 MHz, full: a (priority 20, 1000), b (priority 20, 1000), c (priority 40, 2000).
    private static readonly Node Full = Cluster.Node("n1", cpu: 4000, memoryMB: 8192);

    private static IReadOnlyList<Reconciler.Scheduling.State.AllocationRecord> Residents(int priorityA = 20, int priorityC = 40) =>
    [
        Cluster.Existing("a", "n1", 1000, 1024, priorityA),
        Cluster.Existing("b", "n1", 1000, 1024, 20),
        Cluster.Existing("c", "n1", 2000, 1024, priorityC),
    ];

    public static TheoryData<int, int, string[]> Cases => new()
    {
        // priority, cpu asked, victims
        { 50, 1000, ["a"] },
        { 50, 2000, ["a", "b"] },
        { 50, 3000, ["b", "c"] },
        { 30, 1000, ["a"] },
        { 29, 1000, [] },
        { 25, 1000, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_higher_priority_job_evicts_the_fewest_lowest_priority_allocations_at_least_ten_below_it(int priority, int cpu, string[] victims)
    {
        var job = Cluster.Job("urgent", Cluster.Group("urgent", cpu: cpu, memoryMB: 512), priority: priority);

        var plan = Cluster.Schedule(Cluster.State(job, [Full], Residents()));

        plan.Preemptions.Select(p => p.Allocation.Job).Should().BeEquivalentTo(victims);
        plan.Placements.Should().HaveCount(victims.Length == 0 ? 0 : 1);
        if (victims.Length == 0)
            plan.Failures["urgent"].Description.Should().Be("1 node exhausted on cpu");
        else
            plan.Preemptions.Should().OnlyContain(p => p.DesiredStatus == AllocationDesiredStatus.Evict && p.PreemptedBy == plan.Placements[0].Metadata.Name);
    }

    [Fact]
    public void Nobody_is_evicted_when_the_priority_gap_is_under_ten()
    {
        var job = Cluster.Job("close", Cluster.Group("close", cpu: 1000), priority: 29);

        var plan = Cluster.Schedule(Cluster.State(job, [Full], Residents()));

        plan.Preemptions.Should().BeEmpty();
        plan.Placements.Should().BeEmpty();
    }
}
