using System.Diagnostics;
using System.Text.Json.Nodes;

using Microsoft.Extensions.DependencyInjection;

using Reconciler.Client;
using Reconciler.Drivers.Tests.Support;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Drivers.Tests.Client;

/// <summary>
/// A client runtime that stops leaves its tasks running; the next one on the same data directory adopts them from
/// their persisted handles instead of starting them again.
/// </summary>
public sealed class ClientRestartTests : IAsyncLifetime
{
    private readonly string _serverData = Directory.CreateTempSubdirectory("recon-server-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("recon-restart-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await RealTaskDrivers.DestroyLeftoversAsync(_data);
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_serverData, recursive: true);
    }

    private static Job TwoTasks() => ClientTestBed.Job("pair", JobType.Service, null,
        new JobTask
        {
            Name = "proc",
            Driver = "exec",
            Config = new JsonObject { ["command"] = "/bin/sh", ["args"] = new JsonArray("-c", "echo $$ > local/pid; exec sleep 3600") },
            Resources = new TaskResources { Cpu = 100, MemoryMB = 64 },
        },
        new JobTask
        {
            Name = "box",
            Driver = "docker",
            Config = new JsonObject { ["image"] = "recon-test/busybox:1", ["command"] = "sleep", ["args"] = new JsonArray("3600") },
            Resources = new TaskResources { Cpu = 100, MemoryMB = 64 },
        });

    [DockerFact]
    public async Task A_restarted_client_adopts_its_running_process_and_container_without_restarting_them()
    {
        // The server bed's own client is for a node that never registers, so everything lands on node-1.
        await using var server = await ClientTestBed.StartAsync(_serverData, node: "server-only", register: false);
        var first = new RealTaskDrivers();
        var client = await ClientTestBed.StartAsync(_data, server: false, store: server.Kit.Store, drivers: first.Registry);
        await server.Kit.ApplyAsync(TwoTasks());
        await server.SettleUntilAsync(() => server.Allocations("pair") is [{ Spec.Node: "node-1" }], "a placement on node-1");
        await client.SettleUntilAsync(() => client.Allocations("pair") is [{ Status.ClientStatus: AllocationClientStatus.Running, Status.TaskStates.Count: 2 }]
            && client.Allocations("pair")[0].Status.TaskStates.Values.All(t => t.State == TaskLifecycleState.Running), "both tasks running");
        var allocation = client.Allocations("pair")[0].Metadata.Name;
        var pidFile = Path.Combine(client.Options.AllocationDirectory(allocation), "proc", "local", "pid");
        var pid = int.Parse((await Eventually.ValueAsync(() => File.Exists(pidFile) ? File.ReadAllText(pidFile) : null, "the task's pid")).Trim());
        var processStart = ProcessStartTicks(pid);
        var container = Docker($"inspect -f {{{{.Id}}}}/{{{{.State.StartedAt}}}} box-{allocation}");

        await client.DisposeAsync();
        await first.DisposeAsync();
        ProcessStartTicks(pid).Should().Be(processStart, "stopping the client leaves its tasks running");

        await using var second = new RealTaskDrivers();
        await using var restarted = await ClientTestBed.StartAsync(_data, server: false, store: server.Kit.Store, drivers: second.Registry);
        await restarted.SettleUntilAsync(() => restarted.Allocations("pair") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "the allocation seen again");

        ProcessStartTicks(pid).Should().Be(processStart, "the same process runs on: same pid, same start time");
        Docker($"inspect -f {{{{.Id}}}}/{{{{.State.StartedAt}}}} box-{allocation}").Should().Be(container, "the same container runs on, never restarted");
        var states = restarted.Allocations("pair")[0].Status.TaskStates;
        states.Values.Should().AllSatisfy(state =>
        {
            state.State.Should().Be(TaskLifecycleState.Running);
            state.Restarts.Should().Be(0);
            state.Events.Count(e => e.Type == "Started").Should().Be(1);
        });
        (await restarted.Access.ExecAsync(new Reconciler.Client.AllocationExecRequest { AllocationId = allocation, TaskName = "box", Command = ["true"] }, CancellationToken.None))
            .ExitCode.Should().Be(0, "the adopted container is reachable through the new client");
    }

    [ProcessFact]
    public async Task A_restarted_client_destroys_a_process_whose_allocation_was_deleted_while_it_was_down()
    {
        // A bed for a node that never registers owns the store; the clients come and go on it.
        await using var holder = await ClientTestBed.StartAsync(_serverData, node: "holder", server: false, register: false);
        var first = new RealTaskDrivers();
        var client = await ClientTestBed.StartAsync(_data, server: false, store: holder.Kit.Store, drivers: first.Registry);
        await client.Kit.ApplyAsync(ClientTestBed.Job("pair", JobType.Service, null, TwoTasks().Spec.Groups[0].Tasks[0]));
        await client.Kit.ApplyAsync(new Allocation
        {
            Metadata = new ObjectMeta { Name = "a1", Namespace = "default" },
            Spec = new AllocationSpec { Job = "pair", Group = "g", Node = "node-1", Name = "pair.g[0]" },
        });
        await client.SettleUntilAsync(() => client.Allocations("pair") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
        var pidFile = Path.Combine(client.Options.AllocationDirectory("a1"), "proc", "local", "pid");
        var pid = int.Parse((await Eventually.ValueAsync(() => File.Exists(pidFile) ? File.ReadAllText(pidFile) : null, "the task's pid")).Trim());
        await client.DisposeAsync();
        await first.DisposeAsync();

        (await holder.Kit.Client.DeleteAsync(new ResourceKey("Allocation", "default", "a1"))).Should().Be(Reconciler.Clients.DeleteOutcome.Deleted);
        await using var second = new RealTaskDrivers();
        await using var restarted = await ClientTestBed.StartAsync(_data, server: false, store: holder.Kit.Store, drivers: second.Registry);

        (await restarted.Agent.DestroyOrphansAsync(CancellationToken.None)).Should().Be(1);
        await Eventually.TrueAsync(() => ProcessStartTicks(pid) is null, "the orphaned process to be gone");
        Directory.Exists(Path.Combine(_data, "client", "handles", "a1")).Should().BeFalse();
    }

    [DockerFact]
    public async Task A_restarted_client_removes_its_containers_whose_allocation_was_deleted_and_leaves_another_nodes_alone()
    {
        await using var holder = await ClientTestBed.StartAsync(_serverData, node: "holder", server: false, register: false);
        var first = new RealTaskDrivers();
        var client = await ClientTestBed.StartAsync(_data, server: false, store: holder.Kit.Store, drivers: first.Registry);
        var allocation = "orphan-" + Guid.NewGuid().ToString("N")[..8];
        await client.Kit.ApplyAsync(ClientTestBed.Job("boxes", JobType.Service, null, TwoTasks().Spec.Groups[0].Tasks[1]));
        await client.Kit.ApplyAsync(new Allocation
        {
            Metadata = new ObjectMeta { Name = allocation, Namespace = "default" },
            Spec = new AllocationSpec { Job = "boxes", Group = "g", Node = "node-1", Name = "boxes.g[0]" },
        });
        await client.SettleUntilAsync(() => client.Allocations("boxes") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running container");
        var nodeId = client.Kit.Services.GetRequiredService<NodeIdentity>().Id;
        Docker($"inspect -f \"{{{{json .Config.Labels}}}}\" box-{allocation}").Should().Contain($"\"recon.node_id\":\"{nodeId}\"");
        // Another node's client on the same engine, for the very same allocation id: not this client's to remove.
        var foreign = Docker($"run -d --label recon.alloc_id={allocation} --label recon.task=box --label recon.node_id=other-{nodeId} recon-test/busybox:1 sleep 3600");
        try
        {
            await client.DisposeAsync();
            await first.DisposeAsync();
            (await holder.Kit.Client.DeleteAsync(new ResourceKey("Allocation", "default", allocation))).Should().Be(Reconciler.Clients.DeleteOutcome.Deleted);
            // Without its persisted handle the container is still found: the engine lists it by the node's label.
            Directory.Delete(Path.Combine(_data, "client", "handles"), recursive: true);

            await using var second = new RealTaskDrivers();
            await using var restarted = await ClientTestBed.StartAsync(_data, server: false, store: holder.Kit.Store, drivers: second.Registry);
            (await restarted.Agent.DestroyOrphansAsync(CancellationToken.None)).Should().Be(1);

            Docker($"ps -aq --filter name=^/box-{allocation}$").Should().BeEmpty("the orphaned container is stopped and removed");
            Docker($"inspect -f {{{{.State.Running}}}} {foreign}").Should().Be("true", "another node's container is left alone");
            (await restarted.Agent.DestroyOrphansAsync(CancellationToken.None)).Should().Be(0, "nothing is left to destroy");
        }
        finally
        {
            Docker($"rm -f {foreign}");
        }
    }

    [Fact]
    public async Task A_restarted_client_destroys_a_task_whose_allocation_was_placed_on_another_node()
    {
        await using var holder = await ClientTestBed.StartAsync(_serverData, node: "holder", server: false, register: false);
        var mock = new Reconciler.Drivers.Mock.MockDriver(TimeProvider.System);
        DriverRegistry Drivers(TimeProvider _) => new DriverRegistry().Add(mock);
        var client = await ClientTestBed.StartAsync(_data, server: false, store: holder.Kit.Store, drivers: Drivers);
        await client.Kit.ApplyAsync(ClientTestBed.Job("moved", JobType.Service, null, ClientTestBed.MockTask("app", new JsonObject { ["runFor"] = "1h" })));
        var placed = new Allocation
        {
            Metadata = new ObjectMeta { Name = "m1", Namespace = "default" },
            Spec = new AllocationSpec { Job = "moved", Group = "g", Node = "node-1", Name = "moved.g[0]" },
        };
        await client.Kit.ApplyAsync(placed);
        await client.SettleUntilAsync(() => client.Allocations("moved") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
        await client.DisposeAsync();

        var stored = (await holder.Kit.Client.GetAsync<Allocation>(placed.Key))!;
        await holder.Kit.ApplyAsync(stored with { Spec = stored.Spec with { Node = "node-2" } });
        await using var restarted = await ClientTestBed.StartAsync(_data, server: false, store: holder.Kit.Store, drivers: Drivers);

        var nodeId = restarted.Kit.Services.GetRequiredService<NodeIdentity>().Id;
        (await mock.ListTasksAsync(nodeId, CancellationToken.None)).Select(h => h.Task.Id).Should().Equal("m1/app");
        (await restarted.Agent.DestroyOrphansAsync(CancellationToken.None)).Should().Be(1);
        (await mock.ListTasksAsync(nodeId, CancellationToken.None)).Should().BeEmpty("the task of an allocation now on node-2 is destroyed");
        Directory.Exists(Path.Combine(_data, "client", "handles", "m1")).Should().BeFalse();
    }

    [ProcessFact]
    public async Task A_running_client_stops_a_process_whose_allocation_is_deleted_from_the_store()
    {
        await using var holder = await ClientTestBed.StartAsync(_serverData, node: "holder", server: false, register: false);
        await using var drivers = new RealTaskDrivers();
        await using var client = await ClientTestBed.StartAsync(_data, server: false, store: holder.Kit.Store, drivers: drivers.Registry);
        await client.Kit.ApplyAsync(ClientTestBed.Job("pair", JobType.Service, null, TwoTasks().Spec.Groups[0].Tasks[0]));
        await client.Kit.ApplyAsync(new Allocation
        {
            Metadata = new ObjectMeta { Name = "a1", Namespace = "default" },
            Spec = new AllocationSpec { Job = "pair", Group = "g", Node = "node-1", Name = "pair.g[0]" },
        });
        await client.SettleUntilAsync(() => client.Allocations("pair") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
        var pidFile = Path.Combine(client.Options.AllocationDirectory("a1"), "proc", "local", "pid");
        var pid = int.Parse((await Eventually.ValueAsync(() => File.Exists(pidFile) ? File.ReadAllText(pidFile) : null, "the task's pid")).Trim());

        // A snapshot restore or garbage collection removes the object outright: no reconcile follows.
        await holder.Kit.Store.DeleteAsync(new ResourceKey("Allocation", "default", "a1"));

        (await client.Agent.StopDeletedAllocationsAsync(CancellationToken.None)).Should().Be(1);
        await Eventually.TrueAsync(() => ProcessStartTicks(pid) is null, "the process of the deleted allocation to be gone");
        Directory.Exists(Path.Combine(_data, "client", "handles", "a1")).Should().BeFalse();
        (await client.Agent.StopDeletedAllocationsAsync(CancellationToken.None)).Should().Be(0, "nothing is left to stop");
    }

    // Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot; null when it is gone or a zombie
    // (killed, waiting for a parent to reap it).
    private static long? ProcessStartTicks(int pid)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path)) return null;
        var fields = File.ReadAllText(path) is var stat ? stat[(stat.LastIndexOf(')') + 2)..].Split(' ') : [];
        return fields[0] == "Z" ? null : long.Parse(fields[19]);
    }

    private static string Docker(string arguments)
    {
        using var docker = Process.Start(new ProcessStartInfo("docker", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = docker.StandardOutput.ReadToEnd();
        docker.WaitForExit();
        docker.ExitCode.Should().Be(0, docker.StandardError.ReadToEnd());
        return output.Trim();
    }
}
