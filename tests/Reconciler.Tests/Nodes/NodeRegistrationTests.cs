using Reconciler.Resources.Kinds;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Nodes;

public sealed class NodeRegistrationTests
{
    [Fact]
    public async Task A_heartbeat_advertises_the_client_agents_address_which_stays_until_another_one_is_advertised()
    {
        await using var kit = await SchedulerKit.StartAsync();
        await kit.Nodes.RegisterAsync("n1", Cluster.Node("n1", "dc1", 4000, 8192).Spec);
        var registered = await kit.NodeAsync("n1");

        await kit.Nodes.HeartbeatAsync("n1", NodeState.Ready, "http://10.0.0.5:4646");
        var advertised = await kit.NodeAsync("n1");
        await kit.Nodes.HeartbeatAsync("n1");
        var beatWithout = await kit.NodeAsync("n1");
        await kit.Kit.AdvanceAsync(TimeSpan.FromMinutes(2));
        var down = await kit.NodeAsync("n1");
        await kit.Nodes.RegisterAsync("n1", Cluster.Node("n1", "dc1", 4000, 8192).Spec, "http://10.0.0.6:4646");
        var moved = await kit.NodeAsync("n1");

        registered!.Status.HttpAddress.Should().BeNull("the agent had not said where it listens");
        advertised!.Status.HttpAddress.Should().Be("http://10.0.0.5:4646");
        beatWithout!.Status.HttpAddress.Should().Be("http://10.0.0.5:4646", "a heartbeat that advertises nothing keeps the address");
        down!.Status.State.Should().Be(NodeState.Down);
        down.Status.HttpAddress.Should().Be("http://10.0.0.5:4646", "the error for a down node still names where its agent was");
        moved!.Status.HttpAddress.Should().Be("http://10.0.0.6:4646", "a re-registering agent advertises its new address");
    }
}
