using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Scheduling;

public sealed class DistinctTests
{
    [Fact]
    public void Distinct_hosts_never_puts_two_allocations_of_the_group_on_one_node()
    {
        var group = Cluster.Group(count: 3) with { Constraints = [new Constraint { Operator = ConstraintOperator.DistinctHosts }] };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", group), [Cluster.Node("n1"), Cluster.Node("n2")]));

        plan.Placements.Select(p => p.Spec.Node).Should().OnlyHaveUniqueItems().And.HaveCount(2);
        plan.Failures["web"].Description.Should().Be("2 nodes filtered by constraint distinct_hosts");
    }

    [Fact]
    public void Distinct_hosts_counts_allocations_that_already_run()
    {
        var group = Cluster.Group(count: 2) with { Constraints = [new Constraint { Operator = ConstraintOperator.DistinctHosts }] };
        var existing = Cluster.Existing("web", "n1", 500, 256, index: 0, digest: Reconciler.Scheduling.Reconcile.GroupDigest.Of(group));

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", group), [Cluster.Node("n1"), Cluster.Node("n2")], [existing]));

        plan.Placements.Should().ContainSingle().Which.Spec.Node.Should().Be("n2");
    }

    [Fact]
    public void Distinct_property_allows_at_most_value_allocations_per_property_value()
    {
        var group = Cluster.Group(count: 5) with
        {
            Constraints = [new Constraint { Attribute = "${meta.rack}", Operator = ConstraintOperator.DistinctProperty, Value = "2" }],
        };
        Node[] nodes =
        [
            Cluster.Node("a1", meta: new Dictionary<string, string> { ["rack"] = "a" }),
            Cluster.Node("a2", meta: new Dictionary<string, string> { ["rack"] = "a" }),
            Cluster.Node("b1", meta: new Dictionary<string, string> { ["rack"] = "b" }),
        ];

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", group), nodes));

        plan.Placements.Should().HaveCount(4);
        plan.Placements.Count(p => p.Spec.Node.StartsWith('a')).Should().Be(2);
        plan.Placements.Count(p => p.Spec.Node == "b1").Should().Be(2);
        plan.Failures["web"].Description.Should().Be("3 nodes filtered by constraint distinct_property ${meta.rack}");
    }
}
