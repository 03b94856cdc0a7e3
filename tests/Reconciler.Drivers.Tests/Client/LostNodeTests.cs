using System.Text.Json.Nodes;

using Reconciler.Drivers.Mock;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Drivers.Tests.Client;

/// <summary>
/// Two clients on one store: the server's own (node-1) and node-2, whose runtime goes away (a partition: it neither
/// heartbeats nor sees the store) while its task keeps running in the driver, then comes back on the same data dir.
/// </summary>
public sealed class LostNodeTests : IDisposable
{
    private readonly string _serverData = Directory.CreateTempSubdirectory("recon-node1-").FullName;
    private readonly string _awayData = Directory.CreateTempSubdirectory("recon-node2-").FullName;

    public void Dispose()
    {
        Directory.Delete(_serverData, recursive: true);
        Directory.Delete(_awayData, recursive: true);
    }

    // node-2's runtime has its own fake clock: it is set to the server's before each heartbeat, as real clocks agree.
    private static async Task<ClientTestBed> StartNode2Async(ClientTestBed server, string data, MockDriver mock)
    {
        var bed = await ClientTestBed.StartAsync(data, node: "node-2", server: false, store: server.Kit.Store,
            drivers: _ => new DriverRegistry().Add(mock), register: false);
        bed.Kit.Time.SetUtcNow(server.Kit.Time.GetUtcNow());
        await bed.Agent.RegisterAsync(CancellationToken.None);
        await bed.Kit.RunUntilIdleAsync();
        return bed;
    }

    [Fact]
    public async Task A_node_that_stops_heartbeating_goes_down_its_allocation_is_lost_and_replaced_and_on_return_it_stops_the_replaced_one()
    {
        await using var server = await ClientTestBed.StartAsync(_serverData, register: false);
        var mock = new MockDriver(TimeProvider.System);
        var away = await StartNode2Async(server, _awayData, mock);
        await server.Kit.ApplyAsync(ClientTestBed.Job("web", JobType.Service, null, ClientTestBed.MockTask("app", new JsonObject())));
        await server.SettleUntilAsync(() => server.Allocations("web") is [{ Spec.Node: "node-2" }], "a placement on node-2, the only node");
        await away.SettleUntilAsync(() => away.Allocations("web") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "the task running on node-2");
        var original = away.Allocations("web")[0];
        await server.Agent.RegisterAsync(CancellationToken.None);

        await away.DisposeAsync();
        await server.AdvanceAsync(ClientTestBed.Nodes.HeartbeatTtl + TimeSpan.FromSeconds(10));

        await server.SettleUntilAsync(() => server.Kit.Cache.Get<Node>(new ResourceKey("Node", null, "node-2"))?.Status.State == NodeState.Down, "node-2 down");
        await server.SettleUntilAsync(() => server.Allocations("web").Any(a => a.Spec.Node == "node-1" && a.Status.ClientStatus == AllocationClientStatus.Running), "a replacement running on node-1");
        var lost = server.Kit.Cache.Get<Allocation>(original.Key)!;
        lost.Status.ClientStatus.Should().Be(AllocationClientStatus.Lost);
        server.Allocations("web").Single(a => a.Spec.Node == "node-1").Spec.PreviousAllocation.Should().Be(original.Metadata.Name);
        lost.Status.TaskStates["app"].State.Should().Be(TaskLifecycleState.Running, "node-2 was not there to report anything");

        await using var back = await StartNode2Async(server, _awayData, mock);

        await back.SettleUntilAsync(() => back.Kit.Cache.Get<Allocation>(original.Key)!.Status.TaskStates["app"].State == TaskLifecycleState.Dead, "node-2 to stop its replaced allocation");
        var stopped = back.Kit.Cache.Get<Allocation>(original.Key)!;
        stopped.Status.ClientStatus.Should().Be(AllocationClientStatus.Lost, "the server's verdict stands");
        stopped.Status.TaskStates["app"].Events.Should().Contain(e => e.Type == "Killing" && (e.Message!.Contains("lost") || e.Message.Contains("replaced")));
        stopped.Status.TaskStates["app"].Restarts.Should().Be(0, "the task was adopted, not started again, before it was stopped");
        Directory.Exists(Path.Combine(_awayData, "client", "handles", original.Metadata.Name)).Should().BeFalse("the stopped task's handle is gone");
        await server.SettleUntilAsync(() => server.Allocations("web").Single(a => a.Spec.Node == "node-1").Status.ClientStatus == AllocationClientStatus.Running, "the replacement still running");
    }
}
