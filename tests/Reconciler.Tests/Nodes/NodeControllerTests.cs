using Reconciler.Resources.Kinds;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Nodes;

public sealed class NodeControllerTests
{
    [Fact]
    public async Task A_system_job_gets_an_allocation_on_a_node_that_joins_later()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1");
        await kit.Kit.ApplyAsync(Cluster.Job("agent", Cluster.Group("agent", cpu: 100, memoryMB: 64), JobType.System));
        await kit.Kit.RunUntilIdleAsync();
        (await kit.RunningAsync("agent")).Select(a => a.Spec.Node).Should().Equal("n1");

        await kit.JoinAsync("n2");

        (await kit.RunningAsync("agent")).Select(a => a.Spec.Node).Should().BeEquivalentTo("n1", "n2");
    }

    [Fact]
    public async Task A_node_that_misses_its_heartbeats_goes_down_and_its_allocations_are_replaced_elsewhere()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("n1");
        await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 1)));
        await kit.Kit.RunUntilIdleAsync();
        var first = (await kit.RunningAsync("web")).Should().ContainSingle().Subject;
        await kit.JoinAsync("n2");

        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(20));
        await kit.Nodes.HeartbeatAsync("n2");
        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(15));

        (await kit.NodeAsync("n1"))!.Status.State.Should().Be(NodeState.Down);
        (await kit.NodeAsync("n2"))!.Status.State.Should().Be(NodeState.Ready);
        var all = await kit.AllocationsAsync("web");
        all.Single(a => a.Metadata.Name == first.Metadata.Name).Status.ClientStatus.Should().Be(AllocationClientStatus.Lost);
        var replacement = all.Should().ContainSingle(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run).Subject;
        replacement.Spec.Node.Should().Be("n2");
        replacement.Spec.PreviousAllocation.Should().Be(first.Metadata.Name);
    }

    [Fact]
    public async Task A_drain_moves_allocations_off_the_node_at_most_max_parallel_at_a_time()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("old");
        var group = Cluster.Group("web", count: 4, cpu: 100, memoryMB: 64) with { Update = new UpdateStrategy { MaxParallel = 2 } };
        await kit.Kit.ApplyAsync(Cluster.Job("web", group));
        await kit.Kit.RunUntilIdleAsync();
        await kit.StartAsync(await kit.RunningAsync("web"));
        await kit.JoinAsync("new");

        var old = (await kit.NodeAsync("old"))!;
        await kit.Kit.ApplyAsync(old with { Spec = old.Spec with { Drain = new DrainStrategy { Deadline = TimeSpan.FromHours(1), StartedAt = kit.Kit.Time.GetUtcNow() } } });
        await kit.Kit.RunUntilIdleAsync();

        var running = await kit.RunningAsync("web");
        running.Count(a => a.Spec.Node == "new").Should().Be(2, "maxParallel is 2");
        running.Count(a => a.Spec.Node == "old").Should().Be(2);

        await kit.StartAsync(running.Where(a => a.Spec.Node == "new"));
        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(5));
        (await kit.RunningAsync("web")).Should().HaveCount(4).And.OnlyContain(a => a.Spec.Node == "new");

        await kit.StartAsync((await kit.RunningAsync("web")).Where(a => a.Status.ClientStatus == AllocationClientStatus.Pending));
        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(5));
        var drained = (await kit.NodeAsync("old"))!;
        drained.Spec.Drain.Should().BeNull();
        drained.Spec.SchedulingEligibility.Should().Be(SchedulingEligibility.Ineligible);
    }
}
