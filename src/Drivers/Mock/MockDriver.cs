using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace Reconciler.Drivers.Mock;

/// <summary>
/// The <c>mock</c> driver: an in-process fake task for tests and simulated nodes, deterministic on
/// its <see cref="TimeProvider"/>. Config: runFor, exitCode, startError, stdout, ignoreStopSignal, execExitCode.
/// </summary>
public sealed class MockDriver(TimeProvider? timeProvider = null) : ITaskDriver
{
    private readonly ConcurrentDictionary<string, MockTask> _tasks = new();
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public string Name => "mock";

    /// <inheritdoc />
    public Task<DriverFingerprint> FingerprintAsync(CancellationToken cancellationToken) =>
        Task.FromResult(DriverFingerprint.Available("healthy", new Dictionary<string, string> { ["driver.mock.version"] = "1" }));

    /// <inheritdoc />
    public Task<TaskStartResult> StartAsync(TaskConfiguration task, CancellationToken cancellationToken)
    {
        if (!TaskConfigReader.TryRead<MockTaskConfig>(task.Config, Name, out var config, out var error))
            return Task.FromResult(TaskStartResult.Failure(error));
        if (config.StartError is { } startError) return Task.FromResult(TaskStartResult.Failure(startError));
        if (_tasks.ContainsKey(task.Id))
            return Task.FromResult(TaskStartResult.Failure($"task {task.Id} is already running in the mock driver; destroy it first"));
        var handle = new TaskHandle { Driver = Name, Task = task, StartedAt = _time.GetUtcNow(), State = new JsonObject { ["mock"] = true } };
        var mock = new MockTask(handle, config, _time, config.RunFor);
        _tasks[task.Id] = mock;
        mock.WriteStartOutput();
        return Task.FromResult(TaskStartResult.Success(handle));
    }

    /// <inheritdoc />
    public Task<TaskRecoveryResult> RecoverAsync(TaskHandle handle, CancellationToken cancellationToken)
    {
        if (handle.Driver != Name) return Task.FromResult(TaskRecoveryResult.Failure($"the handle belongs to the {handle.Driver} driver, not mock"));
        if (_tasks.ContainsKey(handle.Task.Id)) return Task.FromResult(TaskRecoveryResult.Success);
        if (!TaskConfigReader.TryRead<MockTaskConfig>(handle.Task.Config, Name, out var config, out var error))
            return Task.FromResult(TaskRecoveryResult.Failure(error));
        // The fake task "kept running" while no driver watched it: it ends when it would have.
        var remaining = config.RunFor - (_time.GetUtcNow() - handle.StartedAt);
        _tasks[handle.Task.Id] = new MockTask(handle, config, _time, remaining);
        return Task.FromResult(TaskRecoveryResult.Success);
    }

    /// <inheritdoc />
    /// <remarks>The fake tasks live in this driver instance only: it lists those it holds for the node.</remarks>
    public Task<IReadOnlyList<TaskHandle>> ListTasksAsync(string nodeId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskHandle>>([.. _tasks.Values.Select(task => task.Handle).Where(handle => handle.Task.NodeId == nodeId)]);

    /// <inheritdoc />
    public Task<TaskExit> WaitAsync(string taskId, CancellationToken cancellationToken) => Get(taskId).Exited.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task StopAsync(string taskId, TimeSpan timeout, string signal, CancellationToken cancellationToken)
    {
        var task = Get(taskId);
        task.Signal(UnixSignal.TryParse(signal, out var number) ? number : UnixSignal.Terminate);
        try
        {
            await task.Exited.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            task.Signal(UnixSignal.Kill);
        }
    }

    /// <inheritdoc />
    public Task DestroyAsync(string taskId, CancellationToken cancellationToken)
    {
        if (_tasks.TryRemove(taskId, out var task))
        {
            task.Signal(UnixSignal.Kill);
            task.Dispose();
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ExecResult> ExecAsync(string taskId, ExecRequest request, CancellationToken cancellationToken)
    {
        var task = Get(taskId);
        if (task.Exited.IsCompleted) return ExecResult.Failure($"task {taskId} is not running");
        await request.Stdout.WriteAsync(Encoding.UTF8.GetBytes(string.Join(' ', request.Command) + "\n"), cancellationToken);
        return ExecResult.Exited(task.Config.ExecExitCode);
    }

    /// <inheritdoc />
    public Task<TaskResourceUsage?> StatsAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = Get(taskId);
        return Task.FromResult(task.Exited.IsCompleted ? null : new TaskResourceUsage
        {
            Timestamp = _time.GetUtcNow(),
            MemoryBytes = task.Configuration.Resources.MemoryMB * 1024L * 1024L / 2,
            MemoryRssBytes = task.Configuration.Resources.MemoryMB * 1024L * 1024L / 4,
            MemoryLimitBytes = task.Configuration.Resources.MemoryMB * 1024L * 1024L,
            CpuTime = TimeSpan.Zero,
            CpuPercent = 0,
        });
    }

    private MockTask Get(string taskId) => _tasks.TryGetValue(taskId, out var task) ? task : throw new TaskNotFoundException(Name, taskId);
}
