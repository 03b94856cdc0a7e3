using System.Runtime.CompilerServices;

using Reconciler.Client.Runner;
using Reconciler.Client.Stats;
using Reconciler.Drivers;
using Reconciler.Drivers.Logs;

namespace Reconciler.Client.Access;

/// <summary><see cref="IAllocationAccess"/> over the runner's live task handles and the tasks' log files.</summary>
internal sealed class AllocationAccess(ClientOptions options, LiveAllocations allocations, AllocationWakeup wakeup, ClientStats stats, TimeProvider time) : IAllocationAccess
{
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadLogsAsync(LogRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var directory = Path.Combine(options.AllocationDirectory(request.AllocationId), "alloc", "logs");
        if (allocations.Find(request.AllocationId) is null && !Directory.Exists(directory))
            throw new AllocationAccessException($"allocation {request.AllocationId} has not run on node {options.NodeName}");
        var files = new TaskLogFileSet(directory, request.TaskName, request.Stream);
        var skip = request.TailLines is null && request.TailBytes is null ? 0 : await TailStartAsync(files, request, cancellationToken).ConfigureAwait(false);
        // Following polls files a real process writes, so it waits in real time, not on the agent's (possibly virtual) clock.
        await foreach (var chunk in new TaskLogReader(files, TimeProvider.System).ReadAsync(request.Follow, cancellationToken).ConfigureAwait(false))
        {
            if (skip >= chunk.Length)
            {
                skip -= chunk.Length;
                continue;
            }
            yield return chunk[(int)skip..];
            skip = 0;
        }
    }

    // Where the tail begins, as a count of bytes to skip from the start of the oldest file still there.
    private async Task<long> TailStartAsync(TaskLogFileSet files, LogRequest request, CancellationToken cancellationToken)
    {
        using var all = new MemoryStream();
        await foreach (var chunk in new TaskLogReader(files).ReadAsync(false, cancellationToken).ConfigureAwait(false))
            all.Write(chunk.Span);
        var bytes = all.GetBuffer().AsSpan(0, (int)all.Length);
        return LogTail.Start(bytes, request.TailLines, request.TailBytes);
    }

    public async Task<ExecResult> ExecAsync(AllocationExecRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = RunningTask(request.AllocationId, request.TaskName);
        if (task is null) return ExecResult.Failure($"task {request.TaskName} of allocation {request.AllocationId} is not running on node {options.NodeName}");
        var exec = new ExecRequest { Command = request.Command, Stdin = request.Stdin, Stdout = request.Stdout, Stderr = request.Stderr, Tty = request.Tty };
        return await task.Value.Driver.ExecAsync(task.Value.TaskId, exec, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> RestartAsync(string allocationId, string? taskName, CancellationToken cancellationToken)
    {
        if (allocations.Find(allocationId) is not { } live) return $"allocation {allocationId} is not running on node {options.NodeName}";
        await live.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var targets = live.Tasks.Values.Where(t => taskName is null || t.Name == taskName).Where(t => t.Running).ToList();
            if (targets.Count == 0) return taskName is null ? $"allocation {allocationId} has no running task" : $"task {taskName} of allocation {allocationId} is not running";
            foreach (var task in targets)
            {
                task.RestartRequested = true;
                task.Record(new Resources.Kinds.TaskEvent { Type = "Restart Signaled", Time = time.GetUtcNow(), Message = "User requested the task to restart" });
                await task.Driver!.StopAsync(task.Handle!.Task.Id, TaskLifecycle.KillTimeout(task, group: null), "SIGTERM", cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            live.Gate.Release();
        }
        wakeup.Wake(live.Key);
        return null;
    }

    public async Task<AllocationUsage> StatsAsync(string allocationId, CancellationToken cancellationToken) =>
        await stats.AllocationAsync(allocationId, cancellationToken).ConfigureAwait(false)
            ?? throw new AllocationAccessException($"allocation {allocationId} is not running on node {options.NodeName}");

    private (ITaskDriver Driver, string TaskId)? RunningTask(string allocationId, string taskName) =>
        allocations.Find(allocationId)?.Tasks.GetValueOrDefault(taskName) is { Running: true, Driver: { } driver, Handle: { } handle }
            ? (driver, handle.Task.Id)
            : null;
}
