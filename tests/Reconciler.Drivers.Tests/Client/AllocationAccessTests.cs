using System.Text;
using System.Text.Json.Nodes;

using Reconciler.Client;
using Reconciler.Drivers.Logs;
using Reconciler.Drivers.Tests.Support;
using Reconciler.Resources.Kinds;

namespace Reconciler.Drivers.Tests.Client;

/// <summary>Logs and exec through <see cref="IAllocationAccess"/> for real process and container tasks.</summary>
public sealed class AllocationAccessTests : IAsyncLifetime
{
    private readonly RealClientData _client = new("recon-access-");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _client.DisposeAsync().AsTask();

    private static JobTask Shell(string name, string script) => new()
    {
        Name = name,
        Driver = "exec",
        Config = new JsonObject { ["command"] = "/bin/sh", ["args"] = new JsonArray("-c", script) },
        Resources = new TaskResources { Cpu = 100, MemoryMB = 64 },
    };

    private async Task<(ClientTestBed Bed, string AllocationId)> RunAsync(JobTask task)
    {
        var bed = await ClientTestBed.StartAsync(_client.Directory, drivers: _client.Drivers.Registry);
        await bed.Kit.ApplyAsync(ClientTestBed.Job("app", JobType.Service, null, task));
        await bed.SettleUntilAsync(() => bed.Allocations("app") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
        return (bed, bed.Allocations("app")[0].Metadata.Name);
    }

    [ProcessFact]
    public async Task Following_a_tasks_log_sees_the_lines_it_writes_after_the_read_began()
    {
        var (bed, allocation) = await RunAsync(Shell("ticker", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.1; done"));
        await using var _ = bed;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new StringBuilder();

        await foreach (var chunk in bed.Access.ReadLogsAsync(new LogRequest { AllocationId = allocation, TaskName = "ticker", Follow = true, TailLines = 1 }, cancel.Token))
        {
            seen.Append(Encoding.UTF8.GetString(chunk.Span));
            if (seen.ToString().Split('\n').Count(line => line.StartsWith("tick ", StringComparison.Ordinal)) >= 5) break;
        }

        var ticks = seen.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => int.Parse(line["tick ".Length..])).ToList();
        ticks.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        ticks[^1].Should().Be(ticks[0] + ticks.Count - 1, "a followed log has no gaps");
    }

    [ProcessFact]
    public async Task A_tail_of_a_running_tasks_log_gives_its_last_lines()
    {
        var (bed, allocation) = await RunAsync(Shell("counter", "for i in 1 2 3 4 5 6 7 8 9 10; do echo line $i; done; echo done >&2; exec sleep 3600"));
        await using var _ = bed;
        await Eventually.TrueAsync(() => ReadAll(bed, allocation, "counter", TaskLogStream.Stderr).Result.Contains("done"), "the task's output");

        var tail = await ReadAll(bed, allocation, "counter", TaskLogStream.Stdout, lines: 3);

        tail.Should().Be("line 8\nline 9\nline 10\n");
    }

    private static async Task<string> ReadAll(ClientTestBed bed, string allocation, string task, TaskLogStream stream, int? lines = null)
    {
        var text = new StringBuilder();
        await foreach (var chunk in bed.Access.ReadLogsAsync(new LogRequest { AllocationId = allocation, TaskName = task, Stream = stream, TailLines = lines }, CancellationToken.None))
            text.Append(Encoding.UTF8.GetString(chunk.Span));
        return text.ToString();
    }

    [ProcessFact]
    public async Task Exec_in_a_process_task_runs_in_its_directory_with_its_environment_and_returns_output_and_exit_code()
    {
        var (bed, allocation) = await RunAsync(Shell("app", "exec sleep 3600"));
        await using var _ = bed;

        var (exitCode, stdout, stderr) = await ExecAsync(bed, allocation, "app", "/bin/sh", "-c", "echo $RECON_TASK_NAME in $(pwd); echo oops >&2; exit 7");

        exitCode.Should().Be(7);
        stdout.Should().Be($"app in {Path.Combine(bed.Options.AllocationDirectory(allocation), "app")}\n");
        stderr.Should().Be("oops\n");
    }

    [DockerFact]
    public async Task Exec_in_a_container_task_runs_inside_the_container_and_returns_output_and_exit_code()
    {
        var task = new JobTask
        {
            Name = "box",
            Driver = "docker",
            Config = new JsonObject { ["image"] = "recon-test/busybox:1", ["command"] = "sleep", ["args"] = new JsonArray("3600") },
            Resources = new TaskResources { Cpu = 100, MemoryMB = 64 },
        };
        var (bed, allocation) = await RunAsync(task);
        await using var _ = bed;

        var (exitCode, stdout, _) = await ExecAsync(bed, allocation, "box", "/bin/sh", "-c", "cat /etc/recon-version; hostname; exit 3");

        exitCode.Should().Be(3);
        stdout.Should().StartWith("1\n", "the command ran in the container of image recon-test/busybox:1");
    }

    [ProcessFact]
    public async Task Exec_in_a_task_that_is_not_running_says_so()
    {
        var (bed, allocation) = await RunAsync(Shell("app", "exec sleep 3600"));
        await using var _ = bed;

        var result = await bed.Access.ExecAsync(new AllocationExecRequest { AllocationId = allocation, TaskName = "nope", Command = ["true"] }, CancellationToken.None);

        result.Error.Should().Contain("task nope").And.Contain("not running").And.Contain("node-1");
    }

    [ProcessFact]
    public async Task An_operator_restart_starts_the_process_again_without_counting_against_a_policy_of_no_restarts()
    {
        var task = Shell("app", "echo $$ > local/pid; exec sleep 3600");
        var bed = await ClientTestBed.StartAsync(_client.Directory, drivers: _client.Drivers.Registry);
        await using var _ = bed;
        await bed.Kit.ApplyAsync(ClientTestBed.Job("app", JobType.Service, new RestartPolicy { Attempts = 0, Mode = RestartMode.Fail }, task));
        await bed.SettleUntilAsync(() => bed.Allocations("app") is [{ Status.ClientStatus: AllocationClientStatus.Running }], "a running task");
        var allocation = bed.Allocations("app")[0].Metadata.Name;
        var pidFile = Path.Combine(bed.Options.AllocationDirectory(allocation), "app", "local", "pid");
        var firstPid = await Eventually.ValueAsync(() => File.Exists(pidFile) ? File.ReadAllText(pidFile) : null, "the first pid");

        (await bed.Access.RestartAsync(allocation, "app", CancellationToken.None)).Should().BeNull();

        await bed.SettleUntilAsync(() => bed.Allocations("app")[0].Status.TaskStates["app"] is { Restarts: 1, State: TaskLifecycleState.Running }, "the task running again");
        var app = bed.Allocations("app")[0].Status.TaskStates["app"];
        app.Failed.Should().BeFalse();
        app.Events.Select(e => e.Type).Should().ContainInOrder("Started", "Restart Signaled", "Terminated", "Restarting", "Started");
        await Eventually.TrueAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile) != firstPid, "a new process");
    }

    [ProcessFact]
    public async Task Restarting_a_task_the_allocation_does_not_have_says_which()
    {
        var (bed, allocation) = await RunAsync(Shell("app", "exec sleep 3600"));
        await using var _ = bed;

        (await bed.Access.RestartAsync(allocation, "nope", CancellationToken.None)).Should().Contain("task nope").And.Contain("not running");
        (await bed.Access.RestartAsync("no-such-alloc", null, CancellationToken.None)).Should().Contain("no-such-alloc").And.Contain("node-1");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> ExecAsync(ClientTestBed bed, string allocation, string task, params string[] command)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var result = await bed.Access.ExecAsync(new AllocationExecRequest { AllocationId = allocation, TaskName = task, Command = command, Stdout = stdout, Stderr = stderr }, CancellationToken.None);
        result.Error.Should().BeNull();
        return (result.ExitCode, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }
}
