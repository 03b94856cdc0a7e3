using System.Text.Json;
using System.Text.Json.Nodes;

using FluentAssertions;

using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Drivers.Tests.Client;

public sealed class AllocationRunnerTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("recon-client-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task A_crashing_task_is_restarted_per_policy_then_its_allocation_fails_and_is_rescheduled()
    {
        await using var bed = await ClientTestBed.StartAsync(_data);
        var restart = new RestartPolicy { Attempts = 2, Interval = TimeSpan.FromMinutes(30), Delay = TimeSpan.FromSeconds(15), Mode = RestartMode.Fail };
        await bed.Kit.ApplyAsync(ClientTestBed.Job("crash", JobType.Service, restart,
            ClientTestBed.MockTask("app", new JsonObject { ["runFor"] = "1s", ["exitCode"] = 3 })));
        await bed.SettleUntilAsync(() => bed.Allocations("crash").Count == 1, "a placement");
        var first = bed.Allocations("crash")[0];

        for (var restarts = 0; restarts <= 2; restarts++)
        {
            await bed.AdvanceAsync(TimeSpan.FromSeconds(1));
            await bed.SettleUntilAsync(() => Current(bed, first).Status.TaskStates["app"].Events.Count(e => e.Type == "Terminated") == restarts + 1, $"exit {restarts + 1}");
            if (restarts < 2) await bed.AdvanceAsync(TimeSpan.FromSeconds(15));
        }

        var failed = Current(bed, first);
        failed.Status.ClientStatus.Should().Be(AllocationClientStatus.Failed);
        var app = failed.Status.TaskStates["app"];
        app.Restarts.Should().Be(2);
        app.Failed.Should().BeTrue();
        app.Events.Select(e => e.Type).Should().ContainInOrder("Received", "Task Setup", "Driver", "Started", "Terminated", "Restarting", "Started", "Terminated", "Restarting", "Started", "Terminated", "Not Restarting");
        app.Events.First(e => e.Type == "Terminated").ExitCode.Should().Be(3);

        await bed.AdvanceAsync(TimeSpan.FromSeconds(10));
        await bed.SettleUntilAsync(() => bed.Allocations("crash").Any(a => a.Spec.PreviousAllocation == first.Metadata.Name), "a replacement");
    }

    [Fact]
    public async Task A_batch_task_that_exits_zero_completes_its_allocation()
    {
        await using var bed = await ClientTestBed.StartAsync(_data);
        await bed.Kit.ApplyAsync(ClientTestBed.Job("once", JobType.Batch, null,
            ClientTestBed.MockTask("work", new JsonObject { ["runFor"] = "5s" })));
        await bed.SettleUntilAsync(() => bed.Allocations("once") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");

        await bed.AdvanceAsync(TimeSpan.FromSeconds(5));

        await bed.SettleUntilAsync(() => bed.Allocations("once") is [{ Status.ClientStatus: AllocationClientStatus.Complete }], "completion");
        bed.Allocations("once")[0].Status.TaskStates["work"].Failed.Should().BeFalse();
    }

    [Fact]
    public async Task A_template_with_a_secret_is_rendered_into_its_file_and_the_value_is_absent_from_events_and_status()
    {
        await using var bed = await ClientTestBed.StartAsync(_data);
        await bed.Kit.ApplyAsync(new Secret { Metadata = new ObjectMeta { Name = "db", Namespace = "default" }, Spec = new SecretSpec { Data = new Dictionary<string, string> { ["password"] = "hunter2-s3cr3t" } } });
        var task = ClientTestBed.MockTask("app", []) with
        {
            Env = new Dictionary<string, string> { ["GREETING"] = "hello from ${RECON_TASK_NAME} in ${node.datacenter}" },
            Templates = [new TaskTemplate { Destination = "secrets/app.env", Env = true, Data = "DB_PASSWORD={{ secret \"db\" \"password\" }}\nGREETING={{ env \"GREETING\" }}\nKERNEL=${attr.kernel.name}\n" }],
        };
        await bed.Kit.ApplyAsync(ClientTestBed.Job("web", JobType.Service, null, task));
        await bed.SettleUntilAsync(() => bed.Allocations("web") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
        var allocation = bed.Allocations("web")[0];

        var rendered = await File.ReadAllTextAsync(Path.Combine(bed.Options.AllocationDirectory(allocation.Metadata.Name), "app", "secrets", "app.env"));
        rendered.Should().Contain("DB_PASSWORD=hunter2-s3cr3t").And.Contain("GREETING=hello from app in dc1").And.Contain("KERNEL=linux");
        JsonSerializer.Serialize(allocation, ResourceJson.Options).Should().NotContain("hunter2");
    }

    [Fact]
    public async Task A_template_naming_a_missing_secret_fails_the_task_with_an_event_naming_the_secret()
    {
        // A client without a server: the allocation is written by hand, so no reschedule follows the failure.
        await using var bed = await ClientTestBed.StartAsync(_data, server: false, register: false);
        var task = ClientTestBed.MockTask("app", []) with { Templates = [new TaskTemplate { Destination = "local/x", Data = "{{ secret \"nope\" \"key\" }}" }] };
        await bed.Kit.ApplyAsync(ClientTestBed.Job("broken", JobType.Service, new RestartPolicy { Attempts = 0, Mode = RestartMode.Fail }, task));
        await bed.Kit.ApplyAsync(new Allocation
        {
            Metadata = new ObjectMeta { Name = "a1", Namespace = "default" },
            Spec = new AllocationSpec { Job = "broken", Group = "g", Node = "node-1", Name = "broken.g[0]" },
        });

        await bed.SettleUntilAsync(() => bed.Allocations("broken") is [{ Status.ClientStatus: AllocationClientStatus.Failed }], "a failed allocation");

        bed.Allocations("broken")[0].Status.TaskStates["app"].Events.Should().Contain(e => e.Type == "Setup Failure" && e.Message!.Contains("secret 'nope' has no key 'key'"));
    }

    [Fact]
    public async Task A_stop_waiting_out_its_kill_timeout_holds_no_worker_so_other_allocations_start_and_stop_meanwhile()
    {
        // One runner worker: a stop holding it for its kill timeout would leave the other allocations waiting (and the bed never idle).
        await using var bed = await ClientTestBed.StartAsync(_data, server: false, register: false, runnerWorkers: 1);
        await bed.Kit.ApplyAsync(ClientTestBed.Job("stubborn", JobType.Service, null,
            ClientTestBed.MockTask("app", new JsonObject { ["ignoreStopSignal"] = true }) with { KillTimeout = TimeSpan.FromMinutes(1) }));
        await bed.Kit.ApplyAsync(ClientTestBed.Job("web", JobType.Service, null, ClientTestBed.MockTask("app", [])));
        await bed.Kit.ApplyAsync(Placed("stubborn-1", "stubborn"));
        await bed.Kit.ApplyAsync(Placed("web-1", "web"));
        await bed.SettleUntilAsync(() => Status(bed, "stubborn-1") == AllocationClientStatus.Running && Status(bed, "web-1") == AllocationClientStatus.Running, "two running allocations");

        await Stop(bed, "stubborn-1");
        await bed.SettleUntilAsync(() => Events(bed, "stubborn-1").Contains("Killing"), "the stubborn task's kill to start");
        await bed.Kit.ApplyAsync(Placed("web-2", "web"));
        await Stop(bed, "web-1");

        await bed.SettleUntilAsync(() => Status(bed, "web-2") == AllocationClientStatus.Running && Status(bed, "web-1") == AllocationClientStatus.Complete,
            "a start and a stop while the stubborn task waits out its kill timeout");
        Status(bed, "stubborn-1").Should().Be(AllocationClientStatus.Running);
        Events(bed, "stubborn-1").Should().NotContain("Killed");

        await bed.Kit.AdvanceAsync(TimeSpan.FromMinutes(1));

        await bed.SettleUntilAsync(() => Status(bed, "stubborn-1") == AllocationClientStatus.Complete, "the stubborn task killed after its kill timeout");
        var killed = bed.Kit.Cache.Get<Allocation>(Key("stubborn-1"))!.Status.TaskStates["app"].Events.Single(e => e.Type == "Killed");
        killed.Signal.Should().Be(9);
    }

    [Fact]
    public async Task Shutdown_stops_the_tasks_of_an_allocation_together_each_waiting_its_own_kill_timeout()
    {
        await using var bed = await ClientTestBed.StartAsync(_data, server: false, register: false);
        var stubborn = new JsonObject { ["ignoreStopSignal"] = true };
        await bed.Kit.ApplyAsync(ClientTestBed.Job("stubborn", JobType.Service, null,
            ClientTestBed.MockTask("app", stubborn.DeepClone().AsObject()) with { KillTimeout = TimeSpan.FromMinutes(1) },
            ClientTestBed.MockTask("sidecar", stubborn.DeepClone().AsObject()) with { KillTimeout = TimeSpan.FromMinutes(1) }));
        await bed.Kit.ApplyAsync(Placed("stubborn-1", "stubborn"));
        await bed.SettleUntilAsync(() => Status(bed, "stubborn-1") == AllocationClientStatus.Running, "a running allocation");

        var start = bed.Kit.Time.GetUtcNow();
        var stopping = bed.Agent.StopAllTasksAsync(CancellationToken.None);
        // The clock alone moves: the runner waits for the allocation's gate the stop holds, so the kit is not idle meanwhile.
        while (!stopping.IsCompleted && bed.Kit.Time.GetUtcNow() - start < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(200);
            bed.Kit.Time.Advance(TimeSpan.FromSeconds(10));
        }

        (await stopping).Should().Be(1);
        var took = bed.Kit.Time.GetUtcNow() - start;
        took.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(1), "each task waits out its own kill timeout, not a fixed 5 s");
        took.Should().BeLessThan(TimeSpan.FromMinutes(2), "the two tasks wait their kill timeouts together, not one after the other");
    }

    private static Allocation Placed(string name, string job) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default" },
        Spec = new AllocationSpec { Job = job, Group = "g", Node = "node-1", Name = $"{job}.g[0]" },
    };

    private static async Task Stop(ClientTestBed bed, string name)
    {
        var allocation = bed.Kit.Cache.Get<Allocation>(Key(name))!;
        await bed.Kit.ApplyAsync(allocation with { Spec = allocation.Spec with { DesiredStatus = AllocationDesiredStatus.Stop } });
    }

    private static AllocationClientStatus? Status(ClientTestBed bed, string name) => bed.Kit.Cache.Get<Allocation>(Key(name))?.Status.ClientStatus;

    private static IEnumerable<string> Events(ClientTestBed bed, string name) =>
        bed.Kit.Cache.Get<Allocation>(Key(name))?.Status.TaskStates.GetValueOrDefault("app")?.Events.Select(e => e.Type) ?? [];

    private static ResourceKey Key(string name) => new("Allocation", "default", name);

    private static Allocation Current(ClientTestBed bed, Allocation allocation) => bed.Kit.Cache.Get<Allocation>(allocation.Key)!;
}
