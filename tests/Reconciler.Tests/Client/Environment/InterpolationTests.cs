using System.Text.Json.Nodes;

using Reconciler.Client.Environment;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Tests.Client.Environment;

public sealed class InterpolationTests
{
    private static readonly Node Node = new()
    {
        Metadata = new ObjectMeta { Name = "node-1", Uid = "uid-1" },
        Spec = new NodeSpec
        {
            Datacenter = "dc2",
            NodeClass = "edge",
            Attributes = new Dictionary<string, string> { ["kernel.name"] = "linux" },
            Meta = new Dictionary<string, string> { ["rack"] = "r7" },
        },
    };

    private static readonly Allocation Allocation = new()
    {
        Metadata = new ObjectMeta { Name = "a1", Namespace = "default" },
        Spec = new AllocationSpec
        {
            Job = "web", Group = "g", Node = "node-1", Name = "web.g[0]",
            Ports = [new AllocatedPort { Label = "http", Value = 24001 }, new AllocatedPort { Label = "admin", Value = 24002, HostIp = "10.0.0.5" }],
        },
    };

    private static RuntimeValues Values() =>
        new(RuntimeValues.ReconVariables(Allocation, "app", Node, "/data/alloc/a1", "/data/alloc/a1/app", "127.0.0.1"), Node);

    [Fact]
    public void A_port_label_resolves_to_the_allocated_port_and_its_address()
    {
        Interpolation.Apply("-p ${RECON_PORT_http} --admin ${RECON_ADDR_admin} --on ${RECON_ADDR_http}", Values())
            .Should().Be("-p 24001 --admin 10.0.0.5:24002 --on 127.0.0.1:24001");
    }

    [Fact]
    public void Node_attributes_meta_and_names_resolve_from_the_node()
    {
        Interpolation.Apply("${attr.kernel.name}/${meta.rack}/${node.datacenter}/${node.class}/${node.unique.name}/${node.unique.id}", Values())
            .Should().Be("linux/r7/dc2/edge/node-1/uid-1");
    }

    [Fact]
    public void The_allocations_identity_and_directories_resolve()
    {
        Interpolation.Apply("${RECON_ALLOC_ID} ${RECON_JOB_NAME} ${RECON_GROUP_NAME} ${RECON_TASK_NAME} ${RECON_ALLOC_INDEX} ${RECON_TASK_DIR}", Values())
            .Should().Be("a1 web g app 0 /data/alloc/a1/app");
    }

    [Fact]
    public void An_unknown_variable_is_left_as_written_so_the_typo_shows()
    {
        Interpolation.Apply("${RECON_PORT_nope} ${meta.missing} ${attr.missing} ${whatever} $HOME", Values())
            .Should().Be("${RECON_PORT_nope} ${meta.missing} ${attr.missing} ${whatever} $HOME");
    }

    [Fact]
    public void Spaces_inside_the_braces_are_ignored()
    {
        Interpolation.Apply("${ meta.rack }", Values()).Should().Be("r7");
    }

    [Fact]
    public void Every_string_in_a_config_is_interpolated_at_any_depth_and_other_values_are_kept()
    {
        var config = new JsonObject
        {
            ["command"] = "/bin/busybox",
            ["args"] = new JsonArray("httpd", "-p", "${RECON_PORT_http}"),
            ["nested"] = new JsonObject { ["rack"] = "${meta.rack}", ["count"] = 3, ["on"] = true },
        };

        var applied = Interpolation.Apply(config, Values());

        applied["args"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("httpd", "-p", "24001");
        applied["nested"]!["rack"]!.GetValue<string>().Should().Be("r7");
        applied["nested"]!["count"]!.GetValue<int>().Should().Be(3);
        applied["nested"]!["on"]!.GetValue<bool>().Should().BeTrue();
        config["args"]![2]!.GetValue<string>().Should().Be("${RECON_PORT_http}", "the job's own config is not changed");
    }

    [Fact]
    public void A_tasks_own_variables_take_part_in_interpolation_of_env()
    {
        var env = Interpolation.Apply(new Dictionary<string, string> { ["LISTEN"] = "0.0.0.0:${RECON_PORT_http}" }, Values());

        env["LISTEN"].Should().Be("0.0.0.0:24001");
    }
}
