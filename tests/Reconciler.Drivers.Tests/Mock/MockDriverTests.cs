using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Drivers.Logs;
using Reconciler.Drivers.Mock;
using Reconciler.Drivers.Tests.Support;

namespace Reconciler.Drivers.Tests.Mock;

public sealed class MockDriverTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2025-01-01T00:00:00Z"));
    private readonly TaskDirectory _directory = new();

    private async Task<TaskConfiguration> StartAsync(MockDriver driver, JsonObject config)
    {
        var task = _directory.Task("fake", config);
        (await driver.StartAsync(task, CancellationToken.None)).Error.Should().BeNull();
        return task;
    }

    [Fact]
    public async Task A_mock_task_runs_for_its_time_on_the_clock_then_exits_with_its_code()
    {
        var driver = new MockDriver(_time);
        var task = await StartAsync(driver, new JsonObject { ["runFor"] = "10s", ["exitCode"] = 2, ["stdout"] = "hello\n" });
        var wait = driver.WaitAsync(task.Id, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(9));
        wait.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));

        (await wait).ExitCode.Should().Be(2);
        TaskDirectory.ReadLog(task, TaskLogStream.Stdout).Should().Be("hello\n");
    }

    [Fact]
    public async Task A_mock_task_with_a_start_error_fails_to_start_with_that_message()
    {
        var driver = new MockDriver(_time);

        var result = await driver.StartAsync(_directory.Task("fake", new JsonObject { ["startError"] = "no such thing" }), CancellationToken.None);

        result.Started.Should().BeFalse();
        result.Error.Should().Be("no such thing");
    }

    [Fact]
    public async Task Stopping_a_mock_task_that_ignores_the_signal_kills_it_after_the_timeout()
    {
        var driver = new MockDriver(_time);
        var task = await StartAsync(driver, new JsonObject { ["ignoreStopSignal"] = true });

        var stop = driver.StopAsync(task.Id, TimeSpan.FromSeconds(5), "SIGTERM", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        await stop;

        (await driver.WaitAsync(task.Id, CancellationToken.None)).Signal.Should().Be(UnixSignal.Kill);
    }

    [Fact]
    public async Task Exec_in_a_mock_task_echoes_the_command_and_returns_the_configured_code()
    {
        var driver = new MockDriver(_time);
        var task = await StartAsync(driver, new JsonObject { ["execExitCode"] = 4 });

        var (result, stdout, _) = await ExecCapture.RunAsync(driver, task.Id, null, "echo", "hi");

        result.ExitCode.Should().Be(4);
        stdout.Should().Be("echo hi\n");
    }

    [Fact]
    public async Task A_recovered_mock_task_ends_when_it_would_have_without_the_restart()
    {
        var task = await StartAsync(new MockDriver(_time), new JsonObject { ["runFor"] = "1m" });
        var handle = new TaskHandle { Driver = "mock", Task = task, StartedAt = _time.GetUtcNow() };
        handle = JsonSerializer.Deserialize<TaskHandle>(JsonSerializer.Serialize(handle))!;
        _time.Advance(TimeSpan.FromSeconds(40));
        var second = new MockDriver(_time);

        (await second.RecoverAsync(handle, CancellationToken.None)).Recovered.Should().BeTrue();
        var wait = second.WaitAsync(task.Id, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(19));
        wait.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));

        (await wait).Successful.Should().BeTrue();
    }

    public void Dispose() => _directory.Dispose();
}
