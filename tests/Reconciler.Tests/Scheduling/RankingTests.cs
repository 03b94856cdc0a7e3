using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Scheduling;

public sealed class RankingTests
{
    [Fact]
    public void Bin_packing_fills_the_fullest_node_that_fits()
    {
        Node[] nodes = [Cluster.Node("full"), Cluster.Node("half"), Cluster.Node("empty")];
        var existing = new[]
        {
            Cluster.Existing("other", "full", 3800, 7900),
            Cluster.Existing("other", "half", 2000, 4096, index: 1),
        };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", Cluster.Group(cpu: 500, memoryMB: 512)), nodes, existing));

        plan.Placements.Should().ContainSingle().Which.Spec.Node.Should().Be("half");
    }

    [Fact]
    public void Job_anti_affinity_spreads_a_group_over_equal_nodes_rather_than_stacking_it()
    {
        Node[] nodes = [Cluster.Node("n1"), Cluster.Node("n2"), Cluster.Node("n3"), Cluster.Node("n4")];

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", Cluster.Group(count: 4, cpu: 100, memoryMB: 64)), nodes));

        plan.Placements.Select(p => p.Spec.Node).Distinct().Should().HaveCountGreaterThan(1);
    }

    public static TheoryData<int, string, int> AffinityCases => new()
    {
        { 100, "dc2", 6 },
        { 50, "dc2", 6 },
        { -100, "dc1", 6 },
    };

    [Theory]
    [MemberData(nameof(AffinityCases))]
    public void Affinities_attract_placements_to_matching_nodes_and_negative_weights_repel_them(int weight, string preferred, int expected)
    {
        Node[] nodes = [Cluster.Node("a", "dc1"), Cluster.Node("b", "dc1"), Cluster.Node("c", "dc2"), Cluster.Node("d", "dc2")];
        var group = Cluster.Group(count: 6, cpu: 100, memoryMB: 64) with
        {
            Affinities = [new Affinity { Attribute = "${node.datacenter}", Value = "dc2", Weight = weight }],
        };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", group), nodes));

        plan.Placements.Count(p => nodes.Single(n => n.Metadata.Name == p.Spec.Node).Spec.Datacenter == preferred).Should().Be(expected);
    }

    public static TheoryData<int[], int[]> SpreadCases => new()
    {
        { [70, 30], [7, 3] },
        { [50, 50], [5, 5] },
        { [], [5, 5] },
        { [80], [8, 2] },
    };

    [Theory]
    [MemberData(nameof(SpreadCases))]
    public void Spreads_place_the_target_share_in_each_datacenter_with_the_remainder_shared_by_the_rest(int[] percents, int[] expected)
    {
        Node[] nodes = [.. Enumerable.Range(0, 5).SelectMany(i => new[] { Cluster.Node($"a{i}", "dc1"), Cluster.Node($"b{i}", "dc2") })];
        var targets = percents.Select((p, i) => new SpreadTarget { Value = $"dc{i + 1}", Percent = p }).ToList();
        var group = Cluster.Group(count: 10, cpu: 100, memoryMB: 64) with
        {
            Spreads = [new Spread { Attribute = "${node.datacenter}", Weight = 100, Targets = targets }],
        };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", group), nodes));

        var perDc = plan.Placements.GroupBy(p => p.Spec.Node[0] == 'a' ? "dc1" : "dc2").ToDictionary(g => g.Key, g => g.Count());
        perDc.GetValueOrDefault("dc1").Should().Be(expected[0]);
        perDc.GetValueOrDefault("dc2").Should().Be(expected[1]);
    }

    [Fact]
    public void Dynamic_ports_come_from_the_range_and_static_ports_are_never_shared_on_a_node()
    {
        var group = Cluster.Group(count: 2) with
        {
            Network = new NetworkSpec { Ports = [new NetworkPort { Label = "http", Static = 8080 }, new NetworkPort { Label = "admin" }] },
        };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", group), [Cluster.Node("n1")]));

        var placed = plan.Placements.Should().ContainSingle().Subject;
        placed.Spec.Ports.Single(p => p.Label == "http").Value.Should().Be(8080);
        placed.Spec.Ports.Single(p => p.Label == "admin").Value.Should().BeInRange(20000, 32000);
        plan.Failures["web"].Description.Should().Be("1 node exhausted on network: reserved port collision http=8080");
    }
}
