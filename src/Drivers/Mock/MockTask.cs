using Reconciler.Drivers.Logs;

namespace Reconciler.Drivers.Mock;

/// <summary>One fake task: a timer on the driver's clock standing in for a process.</summary>
internal sealed class MockTask : IDisposable
{
    private readonly TaskCompletionSource<TaskExit> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer? _timer;

    public MockTask(TaskHandle handle, MockTaskConfig config, TimeProvider time, TimeSpan? remaining)
    {
        Handle = handle;
        Config = config;
        if (remaining is { } left)
        {
            if (left <= TimeSpan.Zero) Exit(new TaskExit { ExitCode = config.ExitCode });
            else _timer = time.CreateTimer(_ => Exit(new TaskExit { ExitCode = config.ExitCode }), null, left, Timeout.InfiniteTimeSpan);
        }
    }

    public TaskHandle Handle { get; }

    public TaskConfiguration Configuration => Handle.Task;

    public MockTaskConfig Config { get; }

    public Task<TaskExit> Exited => _exit.Task;

    public void WriteStartOutput()
    {
        if (Config.Stdout is not { } text) return;
        using var stdout = new RotatingLogWriter(Configuration.LogFiles(TaskLogStream.Stdout), Configuration.Logs);
        stdout.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Delivers a signal: SIGKILL always ends the task, others unless it ignores them.</summary>
    public void Signal(int signal)
    {
        if (signal != UnixSignal.Kill && Config.IgnoreStopSignal) return;
        Exit(new TaskExit { ExitCode = 128 + signal, Signal = signal });
    }

    private void Exit(TaskExit exit)
    {
        if (_exit.TrySetResult(exit)) _timer?.Dispose();
    }

    public void Dispose() => _timer?.Dispose();
}
