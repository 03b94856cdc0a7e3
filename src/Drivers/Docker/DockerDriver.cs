using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reconciler.Drivers.Logs;

namespace Reconciler.Drivers.Docker;

/// <summary>
/// The <c>docker</c> driver: a container per task on the local Docker engine, labelled with its
/// allocation and task, its output copied into the allocation's log files. Images must be present
/// locally. Config: image, command, args, ports, labels, volumes, networkMode.
/// </summary>
public sealed class DockerDriver : ITaskDriver, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RunningContainer> _tasks = new();
    private readonly DockerDriverOptions _options;
    private readonly DockerClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A driver talking to the engine at <see cref="DockerDriverOptions.Endpoint"/>.</summary>
    public DockerDriver(DockerDriverOptions? options = null, ILogger<DockerDriver>? logger = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new DockerDriverOptions();
        _client = new DockerClientConfiguration(_options.Endpoint).CreateClient();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name => "docker";

    /// <summary>The engine client, for callers that need more than the contract (tests, diagnostics).</summary>
    public DockerClient Client => _client;

    /// <inheritdoc />
    public async Task<DriverFingerprint> FingerprintAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.FingerprintTimeout);
        try
        {
            var version = await _client.System.GetVersionAsync(timeout.Token);
            return DriverFingerprint.Available($"Docker {version.Version}", new Dictionary<string, string>
            {
                ["driver.docker.version"] = version.Version,
                ["driver.docker.api_version"] = version.APIVersion,
                ["driver.docker.os"] = version.Os,
            });
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = exception is OperationCanceledException
                ? $"the Docker engine at {_options.Endpoint} did not answer within {_options.FingerprintTimeout.TotalSeconds:0}s"
                : DockerErrors.Describe(exception, _options.Endpoint);
            return DriverFingerprint.Unhealthy(reason);
        }
    }

    /// <inheritdoc />
    public async Task<TaskStartResult> StartAsync(TaskConfiguration task, CancellationToken cancellationToken)
    {
        if (!TaskConfigReader.TryRead<DockerTaskConfig>(task.Config, Name, out var config, out var configError))
            return TaskStartResult.Failure(configError);
        var (parameters, specError) = ContainerSpec.Build(task, config);
        if (parameters is null) return TaskStartResult.Failure(specError!);
        Directory.CreateDirectory(task.TaskDirectory);
        Directory.CreateDirectory(task.LogDirectory);
        try
        {
            if (await MissingImageAsync(config.Image, cancellationToken) is { } missing) return TaskStartResult.Failure(missing);
            var created = await CreateAsync(parameters, cancellationToken);
            if (created.Error is not null) return TaskStartResult.Failure(created.Error);
            await _client.Containers.StartContainerAsync(created.Id!, new ContainerStartParameters(), cancellationToken);
            _tasks[task.Id] = new RunningContainer(_client, task, created.Id!, logsSince: null);
            _logger.LogInformation("Started task {TaskId} as container {ContainerId}", task.Id, created.Id);
            return TaskStartResult.Success(new TaskHandle
            {
                Driver = Name, Task = task, StartedAt = _time.GetUtcNow(), State = new() { ["containerId"] = created.Id },
            });
        }
        catch (Exception exception) when (exception is not OperationCanceledException || DockerErrors.IsUnreachable(exception))
        {
            return TaskStartResult.Failure($"starting container for {task.Id} failed: {DockerErrors.Describe(exception, _options.Endpoint)}");
        }
    }

    /// <inheritdoc />
    public async Task<TaskRecoveryResult> RecoverAsync(TaskHandle handle, CancellationToken cancellationToken)
    {
        if (handle.State["containerId"]?.GetValue<string>() is not { Length: > 0 } id)
            return TaskRecoveryResult.Failure("the handle holds no container id");
        if (_tasks.ContainsKey(handle.Task.Id)) return TaskRecoveryResult.Success;
        try
        {
            var container = await _client.Containers.InspectContainerAsync(id, cancellationToken);
            if (!container.Config.Labels.TryGetValue(ContainerLabels.AllocationId, out var allocation) || allocation != handle.Task.AllocationId)
                return TaskRecoveryResult.Failure($"container {id} does not carry the label {ContainerLabels.AllocationId}={handle.Task.AllocationId}; not adopting it");
            _tasks[handle.Task.Id] = new RunningContainer(_client, handle.Task, id, LastLogWrite(handle.Task));
            _logger.LogInformation("Recovered task {TaskId} as container {ContainerId}", handle.Task.Id, id);
            return TaskRecoveryResult.Success;
        }
        catch (DockerContainerNotFoundException)
        {
            return TaskRecoveryResult.Failure($"container {id} no longer exists");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || DockerErrors.IsUnreachable(exception))
        {
            return TaskRecoveryResult.Failure(DockerErrors.Describe(exception, _options.Endpoint));
        }
    }

    /// <inheritdoc />
    /// <remarks>Containers carry the node id in the label <c>recon.node_id</c>; a container started before that label existed is not listed.</remarks>
    public async Task<IReadOnlyList<TaskHandle>> ListTasksAsync(string nodeId, CancellationToken cancellationToken)
    {
        var containers = await _client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.NodeId}={nodeId}"] = true },
            },
        }, cancellationToken);
        return [.. containers.Select(ContainerHandle.From).OfType<TaskHandle>()];
    }

    /// <inheritdoc />
    public Task<TaskExit> WaitAsync(string taskId, CancellationToken cancellationToken) =>
        Get(taskId).Exited.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task StopAsync(string taskId, TimeSpan timeout, string signal, CancellationToken cancellationToken)
    {
        var task = Get(taskId);
        if (task.Exited.IsCompleted) return;
        await KillAsync(task.ContainerId, signal, cancellationToken);
        try
        {
            await task.Exited.WaitAsync(timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogInformation("Container of {TaskId} outlived its {Timeout} kill timeout: sending SIGKILL", taskId, timeout);
            await KillAsync(task.ContainerId, "SIGKILL", cancellationToken);
            await task.Exited.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task DestroyAsync(string taskId, CancellationToken cancellationToken)
    {
        if (!_tasks.TryGetValue(taskId, out var task)) return;
        try
        {
            await _client.Containers.RemoveContainerAsync(task.ContainerId, new ContainerRemoveParameters { Force = true }, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
            // Already gone.
        }
        await task.DetachAsync();
        _tasks.TryRemove(taskId, out _);
    }

    /// <inheritdoc />
    public Task<ExecResult> ExecAsync(string taskId, ExecRequest request, CancellationToken cancellationToken) =>
        ContainerExec.RunAsync(_client, Get(taskId), request, _options.Endpoint, cancellationToken);

    /// <inheritdoc />
    public async Task<TaskResourceUsage?> StatsAsync(string taskId, CancellationToken cancellationToken)
    {
        var task = Get(taskId);
        if (task.Exited.IsCompleted) return null;
        // Not Progress<T>: it reports on the thread pool, possibly after the call returned.
        var sample = new LastReport<ContainerStatsResponse>();
        await _client.Containers.GetContainerStatsAsync(task.ContainerId, new ContainerStatsParameters { Stream = false }, sample, cancellationToken);
        return sample.Value is null ? null : ContainerUsage.From(sample.Value, _time.GetUtcNow());
    }

    /// <summary>Lets go of every container without stopping it (the agent is going away) and closes the engine client.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var task in _tasks.Values) await task.DetachAsync();
        _tasks.Clear();
        _client.Dispose();
    }

    private async Task<string?> MissingImageAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await _client.Images.InspectImageAsync(image, cancellationToken);
            return null;
        }
        catch (DockerImageNotFoundException)
        {
            return $"image {image} is not present locally; no registry is reachable — load it with docker load/import";
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return $"image {image} is not present locally; no registry is reachable — load it with docker load/import";
        }
    }

    private async Task<(string? Id, string? Error)> CreateAsync(CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        try
        {
            return ((await _client.Containers.CreateContainerAsync(parameters, cancellationToken)).ID, null);
        }
        catch (DockerApiException exception) when (DockerErrors.IsConflict(exception))
        {
            // A container of this name is left from an earlier run: replace it unless it still runs.
            var existing = await _client.Containers.InspectContainerAsync(parameters.Name, cancellationToken);
            if (existing.State.Running)
                return (null, $"container {parameters.Name} ({existing.ID[..12]}) is already running for this task; recover or destroy it first");
            await _client.Containers.RemoveContainerAsync(existing.ID, new ContainerRemoveParameters { Force = true }, cancellationToken);
            return ((await _client.Containers.CreateContainerAsync(parameters, cancellationToken)).ID, null);
        }
    }

    private async Task KillAsync(string containerId, string signal, CancellationToken cancellationToken)
    {
        try
        {
            await _client.Containers.KillContainerAsync(containerId, new ContainerKillParameters { Signal = signal }, cancellationToken);
        }
        catch (Exception exception) when (DockerErrors.IsAlreadyStopped(exception))
        {
            // It exited on its own meanwhile.
        }
    }

    private static DateTimeOffset? LastLogWrite(TaskConfiguration task)
    {
        var times = new[] { TaskLogStream.Stdout, TaskLogStream.Stderr }
            .Select(task.LogFiles)
            .SelectMany(files => files.ExistingIndexes().Select(files.PathOf))
            .Select(path => (DateTimeOffset?)File.GetLastWriteTimeUtc(path))
            .ToList();
        return times.Count == 0 ? null : times.Max();
    }

    private sealed class LastReport<T> : IProgress<T>
    {
        public T? Value { get; private set; }

        public void Report(T value) => Value = value;
    }

    private RunningContainer Get(string taskId) =>
        _tasks.TryGetValue(taskId, out var task) ? task : throw new TaskNotFoundException(Name, taskId);
}
