using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Scheduling;

public sealed class SystemSchedulerTests
{
    [Theory]
    [InlineData(JobType.System)]
    [InlineData(JobType.Sysbatch)]
    public void A_system_job_places_one_allocation_on_every_eligible_node(JobType type)
    {
        var ineligible = Cluster.Node("n3") is var n ? n with { Spec = n.Spec with { SchedulingEligibility = SchedulingEligibility.Ineligible } } : n;
        Node[] nodes = [Cluster.Node("n1"), Cluster.Node("n2"), ineligible, Cluster.Node("n4", state: NodeState.Down)];

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("agent", Cluster.Group("agent", count: 1), type), nodes));

        plan.Placements.Select(p => p.Spec.Node).Should().BeEquivalentTo("n1", "n2");
        plan.Placements.Should().OnlyContain(p => p.Spec.Name == "agent.agent[0]");
    }

    [Fact]
    public void A_node_that_joins_later_gets_the_system_job_and_the_others_are_left_alone()
    {
        var job = Cluster.Job("agent", Cluster.Group("agent"), JobType.System);
        var first = Cluster.Schedule(Cluster.State(job, [Cluster.Node("n1"), Cluster.Node("n2")]));

        var plan = Cluster.Schedule(Cluster.State(job, [Cluster.Node("n1"), Cluster.Node("n2"), Cluster.Node("n3")], Cluster.Running(first)));

        plan.Placements.Should().ContainSingle().Which.Spec.Node.Should().Be("n3");
        plan.Stops.Should().BeEmpty();
        plan.Changes["agent"].Ignore.Should().Be(2);
    }

    [Fact]
    public void Nodes_a_system_job_cannot_use_are_skipped_without_failing_it()
    {
        var group = Cluster.Group("agent") with { Constraints = [new Constraint { Attribute = "${node.datacenter}", Value = "dc1" }] };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("agent", group, JobType.System), [Cluster.Node("n1", "dc1"), Cluster.Node("n2", "dc2")]));

        plan.Placements.Should().ContainSingle().Which.Spec.Node.Should().Be("n1");
        plan.Failures.Should().BeEmpty();
    }

    [Fact]
    public void A_system_allocation_on_a_node_that_went_down_is_lost()
    {
        var job = Cluster.Job("agent", Cluster.Group("agent"), JobType.System);
        var first = Cluster.Schedule(Cluster.State(job, [Cluster.Node("n1"), Cluster.Node("n2")]));

        var plan = Cluster.Schedule(Cluster.State(job, [Cluster.Node("n1"), Cluster.Node("n2", state: NodeState.Down)], Cluster.Running(first)));

        plan.Stops.Should().ContainSingle().Which.Should().Match<Reconciler.Scheduling.Plans.AllocationStop>(s => s.Lost && s.Allocation.Node == "n2");
        plan.Placements.Should().BeEmpty();
    }
}
