using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Reconciler.Drivers.Processes;

/// <summary>
/// Runs a task as a Linux process in its own session and process group: exec, raw_exec and java
/// build on it and differ in the command they run and whether they limit memory. Stop signals the
/// whole group and kills it after the timeout; output goes through named pipes to rotated log files.
/// </summary>
public abstract class ProcessDriver : ITaskDriver, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RunningProcessTask> _tasks = new();
    private readonly ConcurrentDictionary<string, TaskHandle> _handles = new();
    private readonly ProcessTaskLauncher _launcher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A driver named <paramref name="name"/>; with <paramref name="limitMemory"/> tasks get a memory cgroup where the machine allows.</summary>
    protected ProcessDriver(string name, bool limitMemory, ILogger? logger, TimeProvider? timeProvider)
    {
        Name = name;
        LimitsMemory = limitMemory;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        Cgroups = limitMemory ? MemoryCgroupSupport.Detect() : new MemoryCgroupSupport { Reason = $"the {name} driver does not limit memory" };
        KillCgroups = KillCgroupSupport.Detect();
        SweepStaleCgroups();
        _launcher = new ProcessTaskLauncher(Cgroups, limitMemory, KillCgroups, _logger);
    }

    /// <summary>How old an empty task cgroup must be before a starting driver removes it as left behind.</summary>
    public static readonly TimeSpan StaleCgroupAge = TimeSpan.FromMinutes(1);

    private void SweepStaleCgroups()
    {
        foreach (var parent in new[] { Cgroups.ParentPath, KillCgroups.ParentPath }.OfType<string>().Distinct())
        {
            var removed = CgroupDirectory.SweepStale(parent, StaleCgroupAge);
            if (removed > 0) _logger.LogInformation("Removed {Count} empty task cgroups left behind under {Parent}", removed, parent);
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Whether tasks get a memory limit (exec) or not (raw_exec).</summary>
    public bool LimitsMemory { get; }

    /// <summary>What the machine allows for memory limits.</summary>
    public MemoryCgroupSupport Cgroups { get; }

    /// <summary>Whether stop can kill every process of a task through its cgroup, or only its process group.</summary>
    public KillCgroupSupport KillCgroups { get; }

    /// <summary>
    /// The command a task's config asks for, or why the config is wrong. By default the config is a
    /// <see cref="ProcessTaskConfig"/> (command, args).
    /// </summary>
    protected virtual (ProcessCommand? Command, string? Error) BuildCommand(TaskConfiguration task) =>
        TaskConfigReader.TryRead<ProcessTaskConfig>(task.Config, Name, out var config, out var error)
            ? (new ProcessCommand(config.Command, config.Args), null)
            : (null, error);

    /// <inheritdoc />
    public virtual Task<DriverFingerprint> FingerprintAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
            return Task.FromResult(DriverFingerprint.Undetected($"the {Name} driver runs tasks on Linux only"));
        var probe = new TaskConfiguration { AllocationId = "", TaskName = "", AllocationDirectory = "/", TaskDirectory = "/" };
        if (TaskEnvironment.Resolve(probe, "setsid") is null)
            return Task.FromResult(DriverFingerprint.Undetected("setsid (util-linux) is not on PATH; the process drivers start tasks through it"));
        var attributes = new Dictionary<string, string> { [$"driver.{Name}.stop_scope"] = KillCgroups.Supported ? "cgroup" : "process_group" };
        if (LimitsMemory) attributes[$"driver.{Name}.memory_limits"] = Cgroups.Supported ? $"cgroup-{Cgroups.Version}" : "none";
        var description = LimitsMemory && !Cgroups.Supported ? $"healthy; memory is not limited: {Cgroups.Reason}" : "healthy";
        return Task.FromResult(DriverFingerprint.Available(description, attributes));
    }

    /// <inheritdoc />
    public async Task<TaskStartResult> StartAsync(TaskConfiguration task, CancellationToken cancellationToken)
    {
        if (_tasks.ContainsKey(task.Id))
            return TaskStartResult.Failure($"task {task.Id} is already running in the {Name} driver; destroy it first");
        var (command, error) = BuildCommand(task);
        if (command is null) return TaskStartResult.Failure(error!);
        var (running, launchError) = await _launcher.LaunchAsync(task, command);
        if (running is null) return TaskStartResult.Failure(launchError!);
        _tasks[task.Id] = running;
        _logger.LogInformation("Started task {TaskId} as {Identity}", task.Id, running.State.Identity);
        var handle = new TaskHandle { Driver = Name, Task = task, StartedAt = _time.GetUtcNow(), State = running.State.ToJson() };
        _handles[task.Id] = handle;
        return TaskStartResult.Success(handle);
    }

    /// <inheritdoc />
    public Task<TaskRecoveryResult> RecoverAsync(TaskHandle handle, CancellationToken cancellationToken)
    {
        if (handle.Driver != Name)
            return Task.FromResult(TaskRecoveryResult.Failure($"the handle belongs to the {handle.Driver} driver, not {Name}"));
        if (ProcessTaskState.FromJson(handle.State) is not { } state)
            return Task.FromResult(TaskRecoveryResult.Failure("the handle holds no process id"));
        if (_tasks.ContainsKey(handle.Task.Id)) return Task.FromResult(TaskRecoveryResult.Success);
        if (!state.Identity.IsAlive())
        {
            var now = ProcessIdentity.Of(state.Pid);
            return Task.FromResult(TaskRecoveryResult.Failure(now is null
                ? $"the task's process {state.Pid} is no longer running"
                : $"pid {state.Pid} now belongs to another process (started at tick {now.StartTicks}, the task's at {state.StartTicks}); not adopting it"));
        }
        var pumps = RunningProcessTask.StartPumps(handle.Task, state);
        _tasks[handle.Task.Id] = new RunningProcessTask(handle.Task, state, child: null, TaskCgroups.From(state), pumps, _logger);
        _handles[handle.Task.Id] = handle;
        _logger.LogInformation("Recovered task {TaskId} as {Identity}", handle.Task.Id, state.Identity);
        return Task.FromResult(TaskRecoveryResult.Success);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A process leaves no mark the driver could find after the agent restarted without the client's persisted
    /// handles, so this lists the tasks this instance started or recovered; the handles cover the rest.
    /// </remarks>
    public Task<IReadOnlyList<TaskHandle>> ListTasksAsync(string nodeId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TaskHandle>>([.. _handles.Values.Where(handle => handle.Task.NodeId == nodeId)]);

    /// <inheritdoc />
    public Task<TaskExit> WaitAsync(string taskId, CancellationToken cancellationToken) =>
        Get(taskId).Exited.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task StopAsync(string taskId, TimeSpan timeout, string signal, CancellationToken cancellationToken)
    {
        var task = Get(taskId);
        if (!UnixSignal.TryParse(signal, out var number)) number = UnixSignal.Terminate;
        if (!await task.SignalAsync(number, cancellationToken)) return;
        try
        {
            await task.Exited.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogInformation("Task {TaskId} outlived its {Timeout} kill timeout: sending SIGKILL to its process group", taskId, timeout);
            await task.SignalAsync(UnixSignal.Kill, cancellationToken);
            await task.Exited.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task DestroyAsync(string taskId, CancellationToken cancellationToken)
    {
        if (!_tasks.TryGetValue(taskId, out var task)) return;
        await task.SignalAsync(UnixSignal.Kill, cancellationToken);
        await task.Exited.WaitAsync(cancellationToken);
        await task.Cgroups.RemoveAsync();
        File.Delete(task.State.StdoutFifo);
        File.Delete(task.State.StderrFifo);
        _tasks.TryRemove(taskId, out _);
        _handles.TryRemove(taskId, out _);
    }

    /// <inheritdoc />
    public Task<ExecResult> ExecAsync(string taskId, ExecRequest request, CancellationToken cancellationToken)
    {
        var task = Get(taskId);
        return task.Exited.IsCompleted
            ? Task.FromResult(ExecResult.Failure($"task {taskId} is not running"))
            : ProcessExec.RunAsync(task.Configuration, Name, request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TaskResourceUsage?> StatsAsync(string taskId, CancellationToken cancellationToken) =>
        Task.FromResult(Get(taskId).Sample(_time.GetUtcNow()));

    /// <summary>
    /// Lets go of every task without stopping it — the agent is shutting down and a later driver
    /// instance will <see cref="RecoverAsync"/> them — and stops copying their output.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var task in _tasks.Values.Where(task => !task.Exited.IsCompleted)) await task.DetachAsync();
        _tasks.Clear();
        _handles.Clear();
        GC.SuppressFinalize(this);
    }

    private RunningProcessTask Get(string taskId) =>
        _tasks.TryGetValue(taskId, out var task) ? task : throw new TaskNotFoundException(Name, taskId);
}
