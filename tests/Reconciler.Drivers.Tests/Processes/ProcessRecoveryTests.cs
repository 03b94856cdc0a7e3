using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Drivers.Exec;
using Reconciler.Drivers.Logs;
using Reconciler.Drivers.Processes;
using Reconciler.Drivers.Tests.Support;

namespace Reconciler.Drivers.Tests.Processes;

public sealed class ProcessRecoveryTests : IDisposable
{
    private readonly TaskDirectory _directory = new();

    private static TaskHandle Persisted(TaskHandle handle) =>
        JsonSerializer.Deserialize<TaskHandle>(JsonSerializer.Serialize(handle))!;

    private async Task<TaskHandle> StartAndDiscardAsync(string script)
    {
        await using var first = new RawExecDriver();
        var task = _directory.Task("survivor", new JsonObject { ["command"] = "/bin/sh", ["args"] = new JsonArray("-c", script) });
        var started = await first.StartAsync(task, CancellationToken.None);
        await Eventually.LogContainsAsync(task, TaskLogStream.Stdout, "up");
        return Persisted(started.Handle!);
    }

    [ProcessFact]
    public async Task Recover_reattaches_to_the_same_running_process_after_the_driver_is_discarded()
    {
        var handle = await StartAndDiscardAsync("echo up; sleep 1000");
        var pid = handle.State["pid"]!.GetValue<int>();
        await using var second = new RawExecDriver();

        var recovered = await second.RecoverAsync(handle, CancellationToken.None);

        recovered.Recovered.Should().BeTrue(recovered.Error);
        (await second.StatsAsync(handle.Task.Id, CancellationToken.None)).Should().NotBeNull();
        ProcessIdentity.Of(pid).Should().NotBeNull("the same process kept running");
        await second.StopAsync(handle.Task.Id, TimeSpan.FromSeconds(30), "SIGTERM", CancellationToken.None);
        var exit = await second.WaitAsync(handle.Task.Id, CancellationToken.None);
        exit.Signal.Should().Be(UnixSignal.Terminate, "the launcher recorded the exit code for the recovered agent");
        ProcessIdentity.Of(pid).Should().BeNull();
    }

    [ProcessFact]
    public async Task A_recovered_task_keeps_writing_to_its_log_files()
    {
        var go = Path.Combine(_directory.Root, "go");
        var handle = await StartAndDiscardAsync($"echo up; while [ ! -e {go} ]; do sleep 0.05; done; echo after-recovery");
        await using var second = new RawExecDriver();
        (await second.RecoverAsync(handle, CancellationToken.None)).Recovered.Should().BeTrue();

        await File.WriteAllTextAsync(go, "");
        var exit = await second.WaitAsync(handle.Task.Id, CancellationToken.None);

        exit.ExitCode.Should().Be(0);
        TaskDirectory.ReadLog(handle.Task, TaskLogStream.Stdout).Should().Be("up\nafter-recovery\n");
    }

    [ProcessFact]
    public async Task A_reused_pid_with_a_different_start_time_is_not_adopted()
    {
        var handle = await StartAndDiscardAsync("echo up; sleep 1000");
        var state = handle.State.DeepClone().AsObject();
        state["startTicks"] = state["startTicks"]!.GetValue<long>() - 1;
        await using var second = new RawExecDriver();

        var recovered = await second.RecoverAsync(handle with { State = state }, CancellationToken.None);

        recovered.Recovered.Should().BeFalse();
        recovered.Error.Should().Contain("now belongs to another process").And.Contain("not adopting it");
        (await second.RecoverAsync(handle, CancellationToken.None)).Recovered.Should().BeTrue();
        await second.DestroyAsync(handle.Task.Id, CancellationToken.None);
    }

    [ProcessFact]
    public async Task Recover_reports_a_task_whose_process_is_gone()
    {
        var handle = await StartAndDiscardAsync("echo up; sleep 1000");
        await using (var killer = new RawExecDriver())
        {
            await killer.RecoverAsync(handle, CancellationToken.None);
            await killer.DestroyAsync(handle.Task.Id, CancellationToken.None);
        }
        await using var second = new RawExecDriver();

        var recovered = await second.RecoverAsync(handle, CancellationToken.None);

        recovered.Error.Should().Be($"the task's process {handle.State["pid"]} is no longer running");
    }

    public void Dispose() => _directory.Dispose();
}
