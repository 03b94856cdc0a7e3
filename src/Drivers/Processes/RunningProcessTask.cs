using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Reconciler.Drivers.Logs;

namespace Reconciler.Drivers.Processes;

/// <summary>
/// A process task the driver watches: started by this agent (its child, whose exit it awaits) or
/// recovered from a handle (polled by pid and start time, its exit code read from the launcher's file).
/// </summary>
internal sealed class RunningProcessTask
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly Process? _child;
    private readonly LogPumps _pumps;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _detached = new();
    private TaskResourceUsage? _lastUsage;

    public RunningProcessTask(TaskConfiguration task, ProcessTaskState state, Process? child, MemoryCgroup? cgroup, LogPumps pumps, ILogger logger)
    {
        Task = task;
        State = state;
        _child = child;
        Cgroup = cgroup;
        _pumps = pumps;
        _logger = logger;
        Exited = MonitorAsync();
    }

    public TaskConfiguration Task { get; }

    public ProcessTaskState State { get; }

    public MemoryCgroup? Cgroup { get; }

    /// <summary>Completes when the task has exited and its output has been copied to the log files.</summary>
    public Task<TaskExit> Exited { get; }

    /// <summary>The stdout and stderr pumps of a task, disposed together.</summary>
    public sealed record LogPumps(FifoLogPump Stdout, FifoLogPump Stderr) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stdout.DisposeAsync();
            await Stderr.DisposeAsync();
        }
    }

    public static LogPumps StartPumps(TaskConfiguration task, ProcessTaskState state) => new(
        FifoLogPump.Start(state.StdoutFifo, new RotatingLogWriter(task.LogFiles(TaskLogStream.Stdout), task.Logs)),
        FifoLogPump.Start(state.StderrFifo, new RotatingLogWriter(task.LogFiles(TaskLogStream.Stderr), task.Logs)));

    /// <summary>Stops watching the task and copying its output, leaving it running (the agent is going away).</summary>
    public async Task DetachAsync()
    {
        await _detached.CancelAsync();
        try
        {
            await Exited;
        }
        catch (OperationCanceledException)
        {
            // The monitor stopped without an exit to report; the pumps are still ours to stop.
            await _pumps.DisposeAsync();
        }
    }

    /// <summary>Signals the task's process group; false when no process of it is left.</summary>
    public bool Signal(int signal) => !Exited.IsCompleted && ProcessGroup.Signal(State.Pid, signal);

    /// <summary>A sample of the task's memory and CPU use, summed over its session.</summary>
    public TaskResourceUsage? Sample(DateTimeOffset now)
    {
        if (Exited.IsCompleted) return null;
        var processes = ProcessStat.InSession(State.Pid).ToList();
        if (processes.Count == 0) return null;
        var cpu = TimeSpan.FromSeconds((double)processes.Sum(p => p.UserTicks + p.SystemTicks) / Libc.ClockTicksPerSecond);
        var rss = processes.Sum(p => p.RssPages) * Environment.SystemPageSize;
        double? percent = null;
        if (_lastUsage is { } last && now > last.Timestamp)
            percent = 100 * (cpu - last.CpuTime).TotalSeconds / (now - last.Timestamp).TotalSeconds;
        var usage = new TaskResourceUsage
        {
            Timestamp = now,
            MemoryBytes = Cgroup?.UsageBytes() ?? rss,
            MemoryLimitBytes = Cgroup?.LimitBytes(),
            CpuTime = cpu,
            CpuPercent = percent,
        };
        _lastUsage = usage;
        return usage;
    }

    private async Task<TaskExit> MonitorAsync()
    {
        int? code = null;
        if (_child is not null)
        {
            await _child.WaitForExitAsync(_detached.Token);
            code = _child.ExitCode;
            _child.Dispose();
        }
        else
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (State.Identity.IsAlive()) await timer.WaitForNextTickAsync(_detached.Token);
        }
        await _pumps.DisposeAsync();
        var exit = Describe(code ?? ReadExitFile(), Cgroup?.OomKilled() ?? false);
        _logger.LogInformation("Task {TaskId} {Exit}", Task.Id, exit.Describe());
        return exit;
    }

    private int? ReadExitFile()
    {
        try
        {
            return int.TryParse(File.ReadAllText(State.ExitFile).Trim(), CultureInfo.InvariantCulture, out var code) ? code : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private TaskExit Describe(int? code, bool oomKilled)
    {
        if (code is not { } exitCode)
            return new TaskExit
            {
                ExitCode = -1,
                OomKilled = oomKilled,
                Error = $"{State.Identity} ended while this agent was not its parent and left no exit code",
            };
        // Shells report a command killed by signal N as 128 + N.
        int? signal = exitCode is > 128 and < 160 ? exitCode - 128 : null;
        return new TaskExit { ExitCode = exitCode, Signal = signal, OomKilled = oomKilled };
    }
}
