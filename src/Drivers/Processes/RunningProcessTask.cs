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
    private static readonly TimeSpan CommandStartDeadline = TimeSpan.FromSeconds(5);
    private readonly Process? _child;
    private readonly LogPumps _pumps;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _detached = new();
    private TaskResourceUsage? _lastUsage;
    private bool _commandStarted;

    public RunningProcessTask(TaskConfiguration task, ProcessTaskState state, Process? child, TaskCgroups cgroups, LogPumps pumps, ILogger logger)
    {
        Configuration = task;
        State = state;
        _child = child;
        Cgroups = cgroups;
        _pumps = pumps;
        _logger = logger;
        // A recovered task's command has long been started (or is gone).
        _commandStarted = child is null;
        Exited = MonitorAsync();
    }

    public TaskConfiguration Configuration { get; }

    public ProcessTaskState State { get; }

    public TaskCgroups Cgroups { get; }

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

    /// <summary>
    /// Signals the task's process group; false when no process of it is left. SIGKILL also goes to the
    /// whole task cgroup, reaching processes that left the group. A task signalled just after it started
    /// is first given a moment to become its own group (setsid) and for the launcher, which survives stop
    /// signals, to start the command: a signal before that would reach no one.
    /// </summary>
    public async Task<bool> SignalAsync(int signal, CancellationToken cancellationToken)
    {
        if (!_commandStarted) await WaitForCommandAsync(cancellationToken);
        if (Exited.IsCompleted) return false;
        if (signal == UnixSignal.Kill) Cgroups.Kill?.Kill();
        return ProcessGroup.Signal(State.Pid, signal);
    }

    private async Task WaitForCommandAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + CommandStartDeadline;
        while (!Exited.IsCompleted && DateTime.UtcNow < deadline)
        {
            // Started means exec'd: a forked child still has the launcher's command line (and its traps).
            var launcher = ProcessStat.CommandLine(State.Pid);
            if (ProcessStat.InSession(State.Pid).Any(process => process.Pid != State.Pid && ProcessStat.CommandLine(process.Pid) != launcher))
            {
                _commandStarted = true;
                return;
            }
            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>A sample of the task's memory and CPU use, summed over its session.</summary>
    public TaskResourceUsage? Sample(DateTimeOffset now)
    {
        if (Exited.IsCompleted) return null;
        // Until the launcher has made itself a session leader, the session holds nothing: count it alone.
        var processes = ProcessStat.InSession(State.Pid).ToList();
        if (processes.Count == 0 && ProcessStat.Read(State.Pid) is { } launcher) processes.Add(launcher);
        if (processes.Count == 0) return null;
        var cpu = TimeSpan.FromSeconds((double)processes.Sum(p => p.UserTicks + p.SystemTicks) / Libc.ClockTicksPerSecond);
        var rss = processes.Sum(p => p.RssPages) * Environment.SystemPageSize;
        double? percent = null;
        if (_lastUsage is { } last && now > last.Timestamp)
            percent = 100 * (cpu - last.CpuTime).TotalSeconds / (now - last.Timestamp).TotalSeconds;
        var usage = new TaskResourceUsage
        {
            Timestamp = now,
            MemoryBytes = Cgroups.Memory?.UsageBytes() ?? rss,
            MemoryRssBytes = rss,
            MemoryLimitBytes = Cgroups.Memory?.LimitBytes(),
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
        // The task is over: whatever it started that left its group (a daemonised child) goes with it.
        if (Cgroups.Kill is { } kill && !await kill.KillRemainingAsync(CancellationToken.None))
            _logger.LogWarning("Processes of task {TaskId} outlived cgroup.kill of {Cgroup}", Configuration.Id, kill.Path);
        await _pumps.DisposeAsync();
        var exit = Describe(code ?? ReadExitFile(), Cgroups.Memory?.OomKilled() ?? false);
        // Its processes are gone: the cgroups can go too, even when nobody destroys the task.
        await Cgroups.RemoveAsync();
        _logger.LogInformation("Task {TaskId} {Exit}", Configuration.Id, exit.Describe());
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
