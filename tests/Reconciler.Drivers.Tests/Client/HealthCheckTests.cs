using System.Text.Json.Nodes;

using Reconciler.Drivers.Tests.Support;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Drivers.Tests.Client;

/// <summary>
/// Service checks against a real busybox httpd started by the exec driver. The runner's clock is fake (min healthy
/// time and check intervals pass when the test moves it); the process, its port and the probes are real.
/// </summary>
public sealed class HealthCheckTests : IAsyncLifetime
{
    private static readonly TimeSpan MinHealthy = TimeSpan.FromSeconds(10);
    private readonly RealClientData _client = new("recon-health-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _client.DisposeAsync().AsTask();

    // httpd in the background so the listener can be killed while the task runs on; its pid goes to local/httpd.pid.
    private static JobTask Web(params ServiceCheck[] checks) => new()
    {
        Name = "web",
        Driver = "exec",
        Config = new JsonObject
        {
            ["command"] = "/bin/sh",
            ["args"] = new JsonArray("-c", "/bin/busybox httpd -f -p ${RECON_PORT_http} -h local & echo $! > local/httpd.pid; echo 0 > local/status; exec sleep 3600"),
        },
        Resources = new TaskResources { Cpu = 100, MemoryMB = 64 },
        Templates = [new TaskTemplate { Destination = "local/index.html", Data = "ok" }],
        Services = [new TaskService { Name = "web", Port = "http", Checks = checks }],
    };

    private static Job HealthJob(JobTask task) => ClientTestBed.Job("web", JobType.Service, new RestartPolicy { Attempts = 0, Mode = RestartMode.Fail }, task) is var job
        ? job with
        {
            Spec = job.Spec with
            {
                Groups = [job.Spec.Groups[0] with
                {
                    Network = new NetworkSpec { Ports = [new NetworkPort { Label = "http" }] },
                    Update = new UpdateStrategy { MinHealthyTime = MinHealthy, HealthCheck = HealthCheckMode.Checks },
                }],
            },
        }
        : throw new InvalidOperationException();

    private async Task<(ClientTestBed Bed, string TaskDirectory)> StartHealthyAsync(ServiceCheck check)
    {
        var bed = await ClientTestBed.StartAsync(_client.Directory, drivers: _client.Drivers.Registry);
        await bed.Kit.ApplyAsync(HealthJob(Web(check)));
        await bed.SettleUntilAsync(() => bed.Allocations("web") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
        var taskDirectory = Path.Combine(bed.Options.AllocationDirectory(bed.Allocations("web")[0].Metadata.Name), "web");

        await bed.AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => Health(bed) is not null, "the allocation's health");

        Health(bed).Should().BeTrue("the check passes once httpd listens and keeps passing for the min healthy time");
        return (bed, taskDirectory);
    }

    private static bool? Health(ClientTestBed bed) => bed.Allocations("web")[0].Status.Health?.Healthy;

    private static ServiceCheck Check(CheckType type) => new() { Type = type, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(2) };

    [ProcessFact("busybox")]
    public async Task An_http_check_makes_the_task_healthy_after_the_min_healthy_time_and_unhealthy_when_the_page_is_gone()
    {
        var (bed, taskDirectory) = await StartHealthyAsync(Check(CheckType.Http) with { Path = "/index.html" });
        await using var _ = bed;

        File.Delete(Path.Combine(taskDirectory, "local", "index.html"));

        await bed.AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => Health(bed) == false, "the allocation to turn unhealthy on a 404");
        bed.Allocations("web")[0].Status.TaskStates["web"].State.Should().Be(TaskLifecycleState.Running, "a failing check does not stop the task");
    }

    [ProcessFact("busybox")]
    public async Task A_tcp_check_makes_the_task_healthy_and_unhealthy_when_the_listener_is_killed()
    {
        var (bed, taskDirectory) = await StartHealthyAsync(Check(CheckType.Tcp));
        await using var _ = bed;

        var httpd = int.Parse((await File.ReadAllTextAsync(Path.Combine(taskDirectory, "local", "httpd.pid"))).Trim());
        System.Diagnostics.Process.GetProcessById(httpd).Kill();

        await bed.AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => Health(bed) == false, "the allocation to turn unhealthy with no listener");
        bed.Allocations("web")[0].Status.TaskStates["web"].State.Should().Be(TaskLifecycleState.Running);
    }

    [ProcessFact("busybox")]
    public async Task A_script_check_makes_the_task_healthy_while_it_exits_zero_and_unhealthy_when_it_exits_one()
    {
        var (bed, taskDirectory) = await StartHealthyAsync(Check(CheckType.Script) with { Command = "/bin/sh", Args = ["-c", "exit $(cat local/status)"] });
        await using var _ = bed;

        await File.WriteAllTextAsync(Path.Combine(taskDirectory, "local", "status"), "1\n");

        await bed.AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => Health(bed) == false, "the allocation to turn unhealthy when the script exits 1");
    }

    [ProcessFact("busybox")]
    public async Task The_task_is_not_healthy_before_its_checks_have_passed_for_the_min_healthy_time()
    {
        await using var bed = await ClientTestBed.StartAsync(_client.Directory, drivers: _client.Drivers.Registry);
        await bed.Kit.ApplyAsync(HealthJob(Web(Check(CheckType.Http) with { Path = "/index.html" })));
        await bed.SettleUntilAsync(() => bed.Allocations("web") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
        await LocalNetwork.GetWhenServingAsync($"http://127.0.0.1:{bed.Allocations("web")[0].Spec.Ports[0].Value}/index.html", "httpd to answer");

        await bed.AdvanceAsync(TimeSpan.FromSeconds(2));
        Health(bed).Should().BeNull("the checks pass, but not yet for the min healthy time");

        await bed.AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => Health(bed) is not null, "a verdict");
        Health(bed).Should().BeTrue();
    }
}
