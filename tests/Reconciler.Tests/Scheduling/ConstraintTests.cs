using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Scheduling;

public sealed class ConstraintTests
{
    private static readonly Dictionary<string, string> Attributes = new()
    {
        ["kernel.name"] = "linux",
        ["kernel.version"] = "6.1.0",
        ["cpu.numcores"] = "8",
        ["os.features"] = "cgroups,seccomp,apparmor",
    };

    public static TheoryData<string, ConstraintOperator, string?, bool> Operators => new()
    {
        { "${attr.kernel.name}", ConstraintOperator.Equal, "linux", true },
        { "${attr.kernel.name}", ConstraintOperator.Equal, "windows", false },
        { "${attr.kernel.name}", ConstraintOperator.NotEqual, "windows", true },
        { "${attr.kernel.name}", ConstraintOperator.NotEqual, "linux", false },
        { "${attr.missing}", ConstraintOperator.NotEqual, "linux", true },
        { "${attr.cpu.numcores}", ConstraintOperator.LessThan, "16", true },
        { "${attr.cpu.numcores}", ConstraintOperator.LessThan, "8", false },
        { "${attr.cpu.numcores}", ConstraintOperator.LessThanOrEqual, "8", true },
        { "${attr.cpu.numcores}", ConstraintOperator.LessThanOrEqual, "7", false },
        { "${attr.cpu.numcores}", ConstraintOperator.GreaterThan, "4", true },
        { "${attr.cpu.numcores}", ConstraintOperator.GreaterThan, "10", false },
        { "${attr.cpu.numcores}", ConstraintOperator.GreaterThanOrEqual, "8", true },
        { "${attr.cpu.numcores}", ConstraintOperator.GreaterThanOrEqual, "9", false },
        { "${attr.kernel.name}", ConstraintOperator.Regexp, "^lin.x$", true },
        { "${attr.kernel.name}", ConstraintOperator.Regexp, "^win", false },
        { "${attr.kernel.version}", ConstraintOperator.Version, ">= 5.10, < 7.0", true },
        { "${attr.kernel.version}", ConstraintOperator.Version, "~> 5.4", false },
        { "${attr.kernel.version}", ConstraintOperator.Version, "~> 6.1.0", true },
        { "${attr.os.features}", ConstraintOperator.SetContains, "seccomp, cgroups", true },
        { "${attr.os.features}", ConstraintOperator.SetContains, "seccomp,selinux", false },
        { "${attr.kernel.name}", ConstraintOperator.IsSet, null, true },
        { "${attr.missing}", ConstraintOperator.IsSet, null, false },
        { "${attr.missing}", ConstraintOperator.IsNotSet, null, true },
        { "${attr.kernel.name}", ConstraintOperator.IsNotSet, null, false },
        { "${node.datacenter}", ConstraintOperator.Equal, "dc1", true },
        { "${node.class}", ConstraintOperator.Equal, "gpu", true },
        { "${node.unique.name}", ConstraintOperator.Equal, "n1", true },
        { "${meta.rack}", ConstraintOperator.Equal, "r2", true },
        { "${meta.rack}", ConstraintOperator.Equal, "r1", false },
    };

    [Theory]
    [MemberData(nameof(Operators))]
    public void A_constraint_places_only_on_nodes_where_it_holds(string attribute, ConstraintOperator op, string? value, bool places)
    {
        var node = Cluster.Node("n1", attributes: Attributes, meta: new Dictionary<string, string> { ["rack"] = "r2" }, nodeClass: "gpu");
        var group = Cluster.Group() with { Constraints = [new Constraint { Attribute = attribute, Operator = op, Value = value }] };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", group), [node]));

        plan.Placements.Should().HaveCount(places ? 1 : 0);
        plan.Failures.Should().HaveCount(places ? 0 : 1);
    }

    [Fact]
    public void A_failed_placement_says_how_many_nodes_were_exhausted_and_filtered_and_by_what()
    {
        var windows = new Dictionary<string, string> { ["kernel.name"] = "windows" };
        Node[] nodes =
        [
            Cluster.Node("w1", attributes: windows, memoryMB: 128), Cluster.Node("w2", attributes: windows, memoryMB: 128),
            Cluster.Node("w3", attributes: windows, memoryMB: 128), Cluster.Node("l1"), Cluster.Node("l2"),
        ];
        var group = Cluster.Group(count: 2, memoryMB: 256) with
        {
            Constraints = [new Constraint { Attribute = "${attr.kernel.name}", Operator = ConstraintOperator.Equal, Value = "windows" }],
        };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", group), nodes));

        var failure = plan.Failures["web"];
        failure.Description.Should().Be("3 nodes exhausted on memory, 2 nodes filtered by constraint ${attr.kernel.name} = windows");
        failure.NodesEvaluated.Should().Be(5);
        failure.DimensionExhausted.Should().Equal(new Dictionary<string, int> { ["memory"] = 3 });
        failure.CoalescedFailures.Should().Be(1);
        plan.Queued["web"].Should().Be(2);
    }

    [Theory]
    [InlineData("docker", true, true, "missing driver docker")]
    [InlineData("exec", false, false, null)]
    public void A_group_runs_only_where_its_driver_is_detected_and_healthy(string driver, bool missing, bool _, string? reason)
    {
        var node = Cluster.Node("n1");
        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", Cluster.Group(driver: driver)), [node]));

        plan.Placements.Should().HaveCount(missing ? 0 : 1);
        if (reason is not null) plan.Failures["web"].Description.Should().Be($"1 node filtered by {reason}");
    }

    [Fact]
    public void An_unhealthy_driver_filters_the_node()
    {
        var node = Cluster.Node("n1");
        node = node with { Spec = node.Spec with { Drivers = new Dictionary<string, NodeDriver> { ["exec"] = new() { Detected = true, Healthy = false } } } };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("web", Cluster.Group()), [node]));

        plan.Failures["web"].Description.Should().Be("1 node filtered by unhealthy driver exec");
    }

    [Fact]
    public void A_group_claiming_a_host_volume_runs_only_where_the_node_offers_it()
    {
        var plain = Cluster.Node("plain");
        var withVolume = Cluster.Node("data") is var n ? n with { Spec = n.Spec with { HostVolumes = new Dictionary<string, NodeHostVolume> { ["pg"] = new() { Path = "/srv/pg" } } } } : n;
        var group = Cluster.Group(count: 3) with { Volumes = new Dictionary<string, VolumeRequest> { ["data"] = new() { Source = "pg" } } };

        var plan = Cluster.Schedule(Cluster.State(Cluster.Job("db", group), [plain, withVolume]));
        var nowhere = Cluster.Schedule(Cluster.State(Cluster.Job("db", group), [plain]));

        plan.Placements.Should().HaveCount(3).And.OnlyContain(p => p.Spec.Node == "data");
        nowhere.Failures["web"].Description.Should().Be("1 node filtered by missing host volume pg");
    }
}
