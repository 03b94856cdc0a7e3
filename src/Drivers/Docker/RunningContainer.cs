using Docker.DotNet;
using Docker.DotNet.Models;
using Reconciler.Drivers.Logs;

namespace Reconciler.Drivers.Docker;

/// <summary>
/// A container the driver watches: copies its output into the allocation's rotated log files and
/// completes <see cref="Exited"/> once the container exited and its output was copied.
/// </summary>
internal sealed class RunningContainer
{
    private static readonly TimeSpan LogDrainTimeout = TimeSpan.FromSeconds(5);
    private readonly DockerClient _client;
    private readonly CancellationTokenSource _detached = new();
    private readonly Task _logs;

    public RunningContainer(DockerClient client, TaskConfiguration task, string containerId, DateTimeOffset? logsSince)
    {
        _client = client;
        Configuration = task;
        ContainerId = containerId;
        _logs = CopyLogsAsync(logsSince);
        Exited = WaitAsync();
    }

    public TaskConfiguration Configuration { get; }

    public string ContainerId { get; }

    public Task<TaskExit> Exited { get; }

    /// <summary>Stops copying logs and watching, leaving the container running (the agent is going away).</summary>
    public async Task DetachAsync()
    {
        await _detached.CancelAsync();
        await SettleAsync(_logs, Exited);
    }

    private async Task<TaskExit> WaitAsync()
    {
        var wait = await _client.Containers.WaitContainerAsync(ContainerId, _detached.Token);
        var inspect = await _client.Containers.InspectContainerAsync(ContainerId, _detached.Token);
        using (var drain = CancellationTokenSource.CreateLinkedTokenSource(_detached.Token))
        {
            drain.CancelAfter(LogDrainTimeout);
            await Task.WhenAny(_logs, Task.Delay(Timeout.Infinite, drain.Token));
        }
        var code = (int)wait.StatusCode;
        return new TaskExit
        {
            ExitCode = code,
            // Docker reports a container killed by signal N as 128 + N, as shells do.
            Signal = code is > 128 and < 160 ? code - 128 : null,
            OomKilled = inspect.State.OOMKilled,
            Error = wait.Error?.Message is { Length: > 0 } message ? message : null,
        };
    }

    private async Task CopyLogsAsync(DateTimeOffset? since)
    {
        await using var stdout = new RotatingLogWriter(Configuration.LogFiles(TaskLogStream.Stdout), Configuration.Logs);
        await using var stderr = new RotatingLogWriter(Configuration.LogFiles(TaskLogStream.Stderr), Configuration.Logs);
        var parameters = new ContainerLogsParameters
        {
            Follow = true,
            ShowStdout = true,
            ShowStderr = true,
            Since = since is { } time ? (time.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        try
        {
            using var stream = await _client.Containers.GetContainerLogsAsync(ContainerId, tty: false, parameters, _detached.Token);
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, _detached.Token);
                if (read.EOF) return;
                var target = read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
                target.Write(buffer, 0, read.Count);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or DockerContainerNotFoundException or IOException)
        {
            // Detached, or the container was removed: the copy ends with what it had.
        }
    }

    private static async Task SettleAsync(params Task[] tasks)
    {
        foreach (var task in tasks)
        {
            try
            {
                await task;
            }
            catch (Exception exception) when (exception is OperationCanceledException or DockerApiException or IOException)
            {
                // Detaching cancels both; what they would have reported no longer matters.
            }
        }
    }
}
