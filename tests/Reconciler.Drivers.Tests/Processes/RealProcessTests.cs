using System.Text.Json.Nodes;
using Reconciler.Drivers.Exec;
using Reconciler.Drivers.Logs;
using Reconciler.Drivers.Tests.Support;
using Reconciler.Resources.Kinds;

namespace Reconciler.Drivers.Tests.Processes;

public sealed class RealProcessTests : IAsyncLifetime
{
    private readonly TaskDirectory _directory = new();
    private readonly ExecDriver _driver = new();
    private readonly List<string> _started = [];

    private async Task<TaskConfiguration> StartAsync(string name, string command, params string[] args)
    {
        var task = _directory.Task(name, new JsonObject { ["command"] = command, ["args"] = new JsonArray(args.Select(a => (JsonNode?)a).ToArray()) },
            options => options.Resources = new TaskResources { MemoryMB = 64 });
        (await _driver.StartAsync(task, CancellationToken.None)).Error.Should().BeNull();
        _started.Add(task.Id);
        return task;
    }

    [ProcessFact("redis-server")]
    public async Task An_exec_task_runs_redis_server_and_exec_reaches_it_with_redis_cli()
    {
        var port = LocalNetwork.FreePort();
        var task = await StartAsync("redis", "redis-server", "--port", port.ToString(), "--save", "", "--appendonly", "no");
        await Eventually.LogContainsAsync(task, TaskLogStream.Stdout, "Ready to accept connections");

        var (result, stdout, _) = await ExecCapture.RunAsync(_driver, task.Id, null, "redis-cli", "-p", port.ToString(), "ping");

        result.ExitCode.Should().Be(0);
        stdout.Trim().Should().Be("PONG");
        await _driver.StopAsync(task.Id, TimeSpan.FromSeconds(10), "SIGTERM", CancellationToken.None);
        (await _driver.WaitAsync(task.Id, CancellationToken.None)).ExitCode.Should().Be(0, "redis shuts down cleanly on SIGTERM");
    }

    [ProcessFact("busybox")]
    public async Task An_exec_task_runs_busybox_httpd_serving_the_task_directory()
    {
        var port = LocalNetwork.FreePort();
        var task = _directory.Task("web", new JsonObject());
        Directory.CreateDirectory(task.TaskDirectory);
        await File.WriteAllTextAsync(Path.Combine(task.TaskDirectory, "index.html"), "served by httpd");
        task = await StartAsync("web", "busybox", "httpd", "-f", "-p", $"127.0.0.1:{port}", "-h", ".");

        var body = await LocalNetwork.GetWhenServingAsync($"http://127.0.0.1:{port}/index.html", "httpd to answer");

        body.Should().Be("served by httpd");
    }

    [ProcessFact]
    public async Task An_exec_task_gets_its_memory_limit_where_cgroups_are_writable()
    {
        if (!_driver.Cgroups.Supported)
        {
            (await _driver.FingerprintAsync(CancellationToken.None)).Attributes["driver.exec.memory_limits"].Should().Be("none");
            return;
        }
        var task = await StartAsync("limited", "sleep", "1000");

        var usage = await _driver.StatsAsync(task.Id, CancellationToken.None);

        usage!.MemoryLimitBytes.Should().Be(64L * 1024 * 1024);
        (await _driver.FingerprintAsync(CancellationToken.None)).Attributes["driver.exec.memory_limits"]
            .Should().Be($"cgroup-{_driver.Cgroups.Version}");
    }

    [ProcessFact]
    public async Task An_exec_task_over_its_memory_limit_is_reported_as_OOM_killed()
    {
        if (!_driver.Cgroups.Supported) return;
        var task = await StartAsync("hog", "/bin/sh", "-c", "x=$(head -c 200000000 /dev/zero | tr '\\0' a); echo survived");

        var exit = await _driver.WaitAsync(task.Id, CancellationToken.None);

        exit.OomKilled.Should().BeTrue(exit.Describe());
        TaskDirectory.ReadLog(task, TaskLogStream.Stdout).Should().NotContain("survived");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _started) await _driver.DestroyAsync(id, CancellationToken.None);
        await _driver.DisposeAsync();
        _directory.Dispose();
    }
}
