using System.Text.Json.Nodes;

using Reconciler.Drivers.Tests.Support;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Drivers.Tests.Client;

public sealed class MissingImageTests : IAsyncLifetime
{
    private readonly RealClientData _client = new("recon-image-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _client.DisposeAsync().AsTask();

    [DockerFact]
    public async Task A_docker_task_whose_image_is_not_present_fails_with_an_event_naming_the_image_and_how_to_load_it()
    {
        // A client without a server and an allocation written by hand: no reschedule follows the failure.
        await using var bed = await ClientTestBed.StartAsync(_client.Directory, server: false, register: false, drivers: _client.Drivers.Registry);
        var task = new JobTask
        {
            Name = "box",
            Driver = "docker",
            Config = new JsonObject { ["image"] = "recon-test/not-there:9", ["command"] = "true" },
            Resources = new TaskResources { Cpu = 100, MemoryMB = 64 },
        };
        await bed.Kit.ApplyAsync(ClientTestBed.Job("noimage", JobType.Service, new RestartPolicy { Attempts = 0, Mode = RestartMode.Fail }, task));
        await bed.Kit.ApplyAsync(new Allocation
        {
            Metadata = new ObjectMeta { Name = "a1", Namespace = "default" },
            Spec = new AllocationSpec { Job = "noimage", Group = "g", Node = "node-1", Name = "noimage.g[0]" },
        });

        await bed.SettleUntilAsync(() => bed.Allocations("noimage") is [{ Status.ClientStatus: AllocationClientStatus.Failed }], "a failed allocation");

        var box = bed.Allocations("noimage")[0].Status.TaskStates["box"];
        box.Failed.Should().BeTrue();
        box.Events.Should().Contain(e => e.Type == "DriverFailure", box.Events.Select(e => $"{e.Type}: {e.Message}").Aggregate("", (a, b) => a + "\n" + b))
            .Which.Message.Should().Contain("recon-test/not-there:9").And.Contain("no registry is reachable").And.Contain("load it");
    }
}
