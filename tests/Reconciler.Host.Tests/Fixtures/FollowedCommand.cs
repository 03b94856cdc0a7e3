using System.Diagnostics;
using System.Text;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>
/// A long-running <c>recon</c> command (a monitor) as a child process with its output redirected, read line by line
/// as it comes, so a test can wait for a line before it changes what the command follows.
/// </summary>
internal sealed class FollowedCommand : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task<string> _stderr;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _ended;

    private FollowedCommand(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.BeginOutputReadLine();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>recon</c> with <paramref name="args"/> and <paramref name="environment"/> added.</summary>
    public static FollowedCommand Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(Process.Start(ReconProcess.StartInfo(environment, args))!);

    /// <summary>Waits until a line of output contains <paramref name="text"/>.</summary>
    public async Task WaitForLineAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            Task changed;
            lock (_lines)
            {
                if (_lines.Any(line => line.Contains(text, StringComparison.Ordinal))) return;
                if (_ended) throw new InvalidOperationException($"recon exited without printing '{text}': {Output()}");
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"recon printed no line with '{text}' within a minute: {Output()}");
            }
        }
    }

    /// <summary>Waits for the command to exit (two minutes at most); returns its exit code and output.</summary>
    public async Task<CliRun> ExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _process.WaitForExitAsync(timeout.Token);
        return new CliRun(_process.ExitCode, Output(), await _stderr);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private string Output()
    {
        lock (_lines) return new StringBuilder().AppendJoin('\n', _lines).ToString();
    }

    // A null line is the end of the output.
    private void OnOutput(string? line)
    {
        lock (_lines)
        {
            if (line is null) _ended = true;
            else _lines.Add(line);
            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
