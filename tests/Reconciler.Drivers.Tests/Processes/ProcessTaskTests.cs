using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Drivers.Exec;
using Reconciler.Drivers.Logs;
using Reconciler.Drivers.Processes;
using Reconciler.Drivers.Tests.Support;

namespace Reconciler.Drivers.Tests.Processes;

public sealed class ProcessTaskTests : IAsyncLifetime
{
    private readonly TaskDirectory _directory = new();
    private readonly RawExecDriver _driver = new();

    private static JsonObject Shell(string script) => new() { ["command"] = "/bin/sh", ["args"] = new JsonArray("-c", script) };

    private async Task<TaskConfiguration> StartAsync(string name, JsonObject config, Action<TaskConfigurationOptions>? configure = null)
    {
        var task = _directory.Task(name, config, configure);
        var result = await _driver.StartAsync(task, CancellationToken.None);
        result.Error.Should().BeNull();
        return task;
    }

    [ProcessFact]
    public async Task A_process_task_writes_stdout_and_stderr_to_log_files_and_reports_its_exit_code()
    {
        var task = await StartAsync("web", Shell("echo to-stdout; echo to-stderr >&2; exit 3"));

        var exit = await _driver.WaitAsync(task.Id, CancellationToken.None);

        exit.ExitCode.Should().Be(3);
        exit.Signal.Should().BeNull();
        File.Exists(Path.Combine(task.LogDirectory, "web.stdout.0")).Should().BeTrue();
        TaskDirectory.ReadLog(task, TaskLogStream.Stdout).Should().Be("to-stdout\n");
        TaskDirectory.ReadLog(task, TaskLogStream.Stderr).Should().Be("to-stderr\n");
    }

    [ProcessFact]
    public async Task A_follower_reads_a_process_log_while_the_task_is_still_writing_it()
    {
        var go = Path.Combine(_directory.Root, "go");
        var task = await StartAsync("talker", Shell($"echo first; while [ ! -e {go} ]; do sleep 0.05; done; echo second"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reader = new TaskLogReader(task.LogFiles(TaskLogStream.Stdout)) { PollInterval = TimeSpan.FromMilliseconds(20) };
        var seen = "";

        await foreach (var chunk in reader.ReadAsync(follow: true, cancel.Token))
        {
            seen += System.Text.Encoding.UTF8.GetString(chunk.Span);
            if (seen == "first\n") await File.WriteAllTextAsync(go, "", CancellationToken.None);
            if (seen.EndsWith("second\n", StringComparison.Ordinal)) break;
        }

        seen.Should().Be("first\nsecond\n");
        (await _driver.WaitAsync(task.Id, CancellationToken.None)).ExitCode.Should().Be(0);
    }

    [ProcessFact]
    public async Task A_process_log_is_rotated_by_size_and_keeps_a_bounded_number_of_files()
    {
        var task = await StartAsync("chatty", Shell("i=0; while [ $i -lt 60 ]; do printf 'line %03d.........\\n' $i; i=$((i+1)); done"),
            options => options.Logs = new TaskLogLimits { MaxFiles = 3, MaxFileSizeBytes = 100 });

        await _driver.WaitAsync(task.Id, CancellationToken.None);

        var files = task.LogFiles(TaskLogStream.Stdout);
        var indexes = files.ExistingIndexes();
        indexes.Should().HaveCount(3);
        indexes[^1].Should().Be(10, "60 lines of 18 bytes fill 10 files of 100 bytes and begin an eleventh");
        indexes.Take(2).Should().AllSatisfy(index => new FileInfo(files.PathOf(index)).Length.Should().Be(100));
        TaskDirectory.ReadLog(task, TaskLogStream.Stdout).Should().EndWith("line 059.........\n");
    }

    [ProcessFact]
    public async Task Stop_escalates_from_SIGTERM_to_SIGKILL_for_a_task_that_ignores_TERM()
    {
        var task = await StartAsync("stubborn", Shell("trap '' TERM; echo ready; while true; do sleep 1; done"));
        await Eventually.LogContainsAsync(task, TaskLogStream.Stdout, "ready");

        await _driver.StopAsync(task.Id, TimeSpan.FromMilliseconds(300), "SIGTERM", CancellationToken.None);
        var exit = await _driver.WaitAsync(task.Id, CancellationToken.None);

        exit.Signal.Should().Be(UnixSignal.Kill);
        exit.Describe().Should().Be("killed by SIGKILL");
    }

    [ProcessFact]
    public async Task Stop_with_SIGTERM_ends_a_task_that_honours_it_before_the_timeout()
    {
        var task = await StartAsync("polite", new JsonObject { ["command"] = "sleep", ["args"] = new JsonArray("1000") });

        await _driver.StopAsync(task.Id, TimeSpan.FromSeconds(30), "SIGTERM", CancellationToken.None);
        var exit = await _driver.WaitAsync(task.Id, CancellationToken.None);

        exit.Signal.Should().Be(UnixSignal.Terminate);
        exit.ExitCode.Should().Be(143);
    }

    [ProcessFact]
    public async Task Stop_signals_the_whole_process_group_so_a_child_of_the_task_dies_too()
    {
        var task = await StartAsync("parent", Shell("sleep 1000 & echo child=$!; wait"));
        await Eventually.LogContainsAsync(task, TaskLogStream.Stdout, "child=");
        var childPid = int.Parse(TaskDirectory.ReadLog(task, TaskLogStream.Stdout).Trim().Split('=')[1]);
        ProcessIdentity.Of(childPid).Should().NotBeNull();

        await _driver.StopAsync(task.Id, TimeSpan.FromSeconds(30), "SIGTERM", CancellationToken.None);

        await Eventually.TrueAsync(() => ProcessIdentity.Of(childPid) is null, $"child {childPid} to end");
    }

    [ProcessFact]
    public async Task Exec_runs_a_command_in_the_task_directory_with_its_environment_and_returns_output_and_exit_code()
    {
        var task = await StartAsync("host", new JsonObject { ["command"] = "sleep", ["args"] = new JsonArray("1000") },
            options => options.Env["GREETING"] = "hello from env");

        var (result, stdout, stderr) = await ExecCapture.RunAsync(_driver, task.Id, "from stdin",
            "/bin/sh", "-c", "pwd; echo $GREETING; cat; echo oops >&2; exit 4");

        result.ExitCode.Should().Be(4);
        stdout.Should().Be($"{task.TaskDirectory}\nhello from env\nfrom stdin");
        stderr.Should().Be("oops\n");
        await _driver.DestroyAsync(task.Id, CancellationToken.None);
    }

    [ProcessFact("script")]
    public async Task Exec_with_a_tty_runs_the_command_in_a_terminal_that_merges_stderr_into_stdout()
    {
        var task = await StartAsync("terminal", new JsonObject { ["command"] = "sleep", ["args"] = new JsonArray("1000") });

        var (result, stdout, stderr) = await ExecCapture.RunInTerminalAsync(_driver, task.Id,
            "/bin/sh", "-c", "echo out; echo err >&2; [ -t 0 ] && [ -t 1 ] && echo is-a-tty; printf '[%s]' \"$1\"; exit 3", "sh", "it's $HOME");

        result.ExitCode.Should().Be(3, result.Error);
        stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Should().Be("out\nerr\nis-a-tty\n[it's $HOME]", "arguments reach the command as given, quotes and all");
        stderr.Should().BeEmpty();
        await _driver.DestroyAsync(task.Id, CancellationToken.None);
    }

    [ProcessFact]
    public async Task Exec_with_a_tty_where_script_is_missing_is_refused_saying_so()
    {
        var task = await StartAsync("noterm", new JsonObject { ["command"] = "/bin/sleep", ["args"] = new JsonArray("1000") },
            options => options.Env["PATH"] = "/nonexistent");

        var (result, stdout, _) = await ExecCapture.RunInTerminalAsync(_driver, task.Id, "/bin/echo", "ran");

        result.Error.Should().Be("tty is not supported for raw_exec tasks on this machine: script (util-linux) is not on PATH; install it or run exec without -t");
        stdout.Should().BeEmpty("the command is not run without the terminal it asked for");
        await _driver.DestroyAsync(task.Id, CancellationToken.None);
    }

    [ProcessFact]
    public async Task A_missing_command_is_a_clear_start_error()
    {
        var task = _directory.Task("ghost", new JsonObject { ["command"] = "no-such-program-here" });

        var result = await _driver.StartAsync(task, CancellationToken.None);

        result.Started.Should().BeFalse();
        result.Error.Should().Contain("'no-such-program-here' was not found");
        result.ToEvent(DateTimeOffset.UnixEpoch).Type.Should().Be("DriverFailure");
    }

    [ProcessFact]
    public async Task An_unknown_config_field_is_a_start_error_naming_the_field()
    {
        var task = _directory.Task("typo", new JsonObject { ["command"] = "sleep", ["arguments"] = new JsonArray("1") });

        var result = await _driver.StartAsync(task, CancellationToken.None);

        result.Error.Should().Be("config.arguments: the raw_exec driver has no such setting (it knows: command, args)");
    }

    [ProcessFact]
    public async Task Stats_report_memory_and_cpu_of_a_running_process_task()
    {
        var task = await StartAsync("busy", Shell("echo ready; exec sleep 1000"));
        await Eventually.LogContainsAsync(task, TaskLogStream.Stdout, "ready");

        var usage = await _driver.StatsAsync(task.Id, CancellationToken.None);

        usage.Should().NotBeNull();
        usage!.MemoryBytes.Should().BePositive();
        usage.CpuTime.Should().BeGreaterThanOrEqualTo(TimeSpan.Zero);
        await _driver.DestroyAsync(task.Id, CancellationToken.None);
        var act = () => _driver.StatsAsync(task.Id, CancellationToken.None);
        await act.Should().ThrowAsync<TaskNotFoundException>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var name in new[] { "web", "talker", "chatty", "stubborn", "polite", "parent", "host", "busy", "terminal", "noterm" })
            await _driver.DestroyAsync($"{_directory.AllocationId}/{name}", CancellationToken.None);
        await _driver.DisposeAsync();
        _directory.Dispose();
    }
}
