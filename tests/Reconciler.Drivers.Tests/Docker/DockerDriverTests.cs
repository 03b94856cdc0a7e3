using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Reconciler.Drivers.Docker;
using Reconciler.Drivers.Logs;
using Reconciler.Drivers.Tests.Support;
using Reconciler.Resources.Kinds;

namespace Reconciler.Drivers.Tests.Docker;

public sealed class DockerDriverTests : IAsyncLifetime
{
    private const string Image = "recon-test/busybox:1";
    private readonly TaskDirectory _directory = new();
    private readonly DockerDriver _driver = new();
    private readonly List<string> _started = [];

    private static JsonObject Shell(string script, string image = Image) =>
        new() { ["image"] = image, ["command"] = "/bin/sh", ["args"] = new JsonArray("-c", script) };

    private async Task<(TaskConfiguration Task, TaskHandle Handle)> StartAsync(string name, JsonObject config, Action<TaskConfigurationOptions>? configure = null)
    {
        var task = _directory.Task(name, config, configure);
        var result = await _driver.StartAsync(task, CancellationToken.None);
        result.Error.Should().BeNull();
        _started.Add(task.Id);
        return (task, result.Handle!);
    }

    [DockerFact]
    public async Task Fingerprint_reports_a_healthy_engine_and_its_version()
    {
        var fingerprint = await _driver.FingerprintAsync(CancellationToken.None);

        fingerprint.Healthy.Should().BeTrue(fingerprint.HealthDescription);
        fingerprint.Attributes["driver.docker.version"].Should().MatchRegex(@"^\d+\.\d+");
    }

    [DockerFact]
    public async Task A_container_task_writes_stdout_and_stderr_to_log_files_and_reports_its_exit_code()
    {
        var (task, _) = await StartAsync("box", Shell("echo to-stdout; echo to-stderr >&2; exit 3"));

        var exit = await _driver.WaitAsync(task.Id, CancellationToken.None);

        exit.ExitCode.Should().Be(3);
        TaskDirectory.ReadLog(task, TaskLogStream.Stdout).Should().Be("to-stdout\n");
        TaskDirectory.ReadLog(task, TaskLogStream.Stderr).Should().Be("to-stderr\n");
    }

    [DockerFact]
    public async Task A_follower_reads_a_container_log_while_it_is_written_and_it_is_rotated_by_size()
    {
        var (task, _) = await StartAsync("talker", Shell("echo first; while [ ! -e /local/go ]; do sleep 0.05; done; i=0; while [ $i -lt 20 ]; do echo line-$i; i=$((i+1)); done"),
            options => options.Logs = new TaskLogLimits { MaxFiles = 2, MaxFileSizeBytes = 64 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reader = new TaskLogReader(task.LogFiles(TaskLogStream.Stdout)) { PollInterval = TimeSpan.FromMilliseconds(20) };
        var seen = "";

        await foreach (var chunk in reader.ReadAsync(follow: true, cancel.Token))
        {
            seen += System.Text.Encoding.UTF8.GetString(chunk.Span);
            if (seen == "first\n") await File.WriteAllTextAsync(Path.Combine(task.TaskDirectory, "go"), "", CancellationToken.None);
            if (seen.EndsWith("line-19\n", StringComparison.Ordinal)) break;
        }

        seen.Should().StartWith("first\n");
        (await _driver.WaitAsync(task.Id, CancellationToken.None)).ExitCode.Should().Be(0);
        task.LogFiles(TaskLogStream.Stdout).ExistingIndexes().Should().HaveCount(2).And.Contain(2);
    }

    [DockerFact]
    public async Task Stop_escalates_from_SIGTERM_to_SIGKILL_for_a_container_that_ignores_TERM()
    {
        var (task, _) = await StartAsync("stubborn", Shell("trap '' TERM; echo ready; while true; do sleep 1; done"));
        await Eventually.LogContainsAsync(task, TaskLogStream.Stdout, "ready");

        await _driver.StopAsync(task.Id, TimeSpan.FromMilliseconds(300), "SIGTERM", CancellationToken.None);
        var exit = await _driver.WaitAsync(task.Id, CancellationToken.None);

        exit.Signal.Should().Be(UnixSignal.Kill);
        exit.ExitCode.Should().Be(137);
    }

    [DockerFact]
    public async Task Exec_in_a_container_streams_stdin_and_output_and_returns_the_exit_code()
    {
        var (task, _) = await StartAsync("host", new JsonObject { ["image"] = "recon-test/busybox:2", ["args"] = new JsonArray("sleep", "1000") });

        var (result, stdout, stderr) = await ExecCapture.RunAsync(_driver, task.Id, "from stdin",
            "/bin/sh", "-c", "cat /etc/recon-version; cat; echo oops >&2; exit 5");

        result.ExitCode.Should().Be(5);
        stdout.Should().Be("2\nfrom stdin");
        stderr.Should().Be("oops\n");
    }

    [DockerFact]
    public async Task Exec_with_a_tty_runs_the_command_in_a_terminal_that_merges_stderr_into_stdout()
    {
        var (task, _) = await StartAsync("terminal", new JsonObject { ["image"] = Image, ["args"] = new JsonArray("sleep", "1000") });

        var (result, stdout, stderr) = await ExecCapture.RunInTerminalAsync(_driver, task.Id,
            "/bin/sh", "-c", "echo out; echo err >&2; [ -t 0 ] && [ -t 1 ] && echo is-a-tty; exit 3");

        result.ExitCode.Should().Be(3);
        stdout.Replace("\r\n", "\n", StringComparison.Ordinal).Should().Be("out\nerr\nis-a-tty\n", "a terminal shows both streams, with CRLF line ends");
        stderr.Should().BeEmpty();
    }

    [DockerFact]
    public async Task A_container_publishes_its_port_label_on_the_allocated_host_port()
    {
        var port = LocalNetwork.FreePort();
        var (task, _) = await StartAsync("web", new JsonObject
        {
            ["image"] = Image, ["args"] = new JsonArray("httpd", "-f", "-p", "80", "-h", "/www"), ["ports"] = new JsonArray("http"),
        }, options => options.Ports.Add(new AllocatedPort { Label = "http", Value = port, To = 80 }));

        var body = await LocalNetwork.GetWhenServingAsync($"http://127.0.0.1:{port}/", "httpd in the container to answer");

        body.Should().Be("recon-test 1\n");
        var usage = await _driver.StatsAsync(task.Id, CancellationToken.None);
        usage!.MemoryLimitBytes.Should().Be(300L * 1024 * 1024, "the task's default memoryMB is the container's limit");
        usage.MemoryRssBytes.Should().BePositive("httpd holds resident anonymous memory").And.BeLessThanOrEqualTo(usage.MemoryBytes);
    }

    [DockerFact]
    public async Task Recover_reattaches_to_the_same_running_container_found_by_its_labels()
    {
        TaskHandle handle;
        await using (var first = new DockerDriver())
        {
            var task = _directory.Task("survivor", Shell("echo up; sleep 1000"));
            handle = JsonSerializer.Deserialize<TaskHandle>(JsonSerializer.Serialize((await first.StartAsync(task, CancellationToken.None)).Handle))!;
            _started.Add(task.Id);
            await Eventually.LogContainsAsync(task, TaskLogStream.Stdout, "up");
        }
        var containerId = handle.State["containerId"]!.GetValue<string>();

        var recovered = await _driver.RecoverAsync(handle, CancellationToken.None);

        recovered.Recovered.Should().BeTrue(recovered.Error);
        var labelled = await _driver.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.AllocationId}={_directory.AllocationId}"] = true } },
        });
        labelled.Select(container => container.ID).Should().Equal(containerId);
        await _driver.StopAsync(handle.Task.Id, TimeSpan.FromSeconds(1), "SIGTERM", CancellationToken.None);
        (await _driver.WaitAsync(handle.Task.Id, CancellationToken.None)).Signal.Should().NotBeNull();
        TaskDirectory.ReadLog(handle.Task, TaskLogStream.Stdout).Should().Be("up\n", "the recovered copier does not repeat old output");
    }

    [DockerFact]
    public async Task A_missing_image_is_a_clear_start_error()
    {
        var task = _directory.Task("ghost", new JsonObject { ["image"] = "busybox:missing" });

        var result = await _driver.StartAsync(task, CancellationToken.None);

        result.Error.Should().Be("image busybox:missing is not present locally; no registry is reachable — load it with docker load/import");
    }

    [Fact]
    public async Task An_unreachable_engine_is_reported_unhealthy_by_fingerprint_and_start_fails_with_a_message()
    {
        await using var driver = new DockerDriver(new DockerDriverOptions { Endpoint = new Uri("unix:///tmp/recon-no-such-docker.sock") });

        var fingerprint = await driver.FingerprintAsync(CancellationToken.None);
        var start = await driver.StartAsync(_directory.Task("nowhere", new JsonObject { ["image"] = Image }), CancellationToken.None);

        fingerprint.Healthy.Should().BeFalse();
        fingerprint.HealthDescription.Should().Contain("unix:///tmp/recon-no-such-docker.sock").And.Contain("does not answer");
        start.Error.Should().Contain("does not answer");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _started) await _driver.DestroyAsync(id, CancellationToken.None);
        await _driver.DisposeAsync();
        _directory.Dispose();
    }
}
