using System.Diagnostics;
using System.Text;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>
/// The real <c>recon agent</c> as a child process. Started with <c>-http-port 0</c>, it prints the address it listens
/// on; <see cref="StartAsync"/> waits for that line (not for a fixed time). Disposing kills it if it still runs.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _banner = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<string> _stderr;

    private AgentProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.BeginOutputReadLine();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public Uri Address { get; private set; } = null!;

    public int Id => _process.Id;

    /// <summary>Everything the agent wrote to stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<AgentProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var agent = new AgentProcess(Process.Start(ReconProcess.StartInfo(environment, ["agent", .. args]))!);
        try
        {
            var exited = agent._process.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var first = await Task.WhenAny((Task)agent._banner.Task, exited).WaitAsync(timeout.Token);
            if (first == exited) throw new InvalidOperationException($"recon agent exited with {agent._process.ExitCode}: {await agent._stderr}{agent.Output}");
            agent.Address = new Uri(await agent._banner.Task);
            return agent;
        }
        catch
        {
            await agent.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends SIGTERM, as a service manager stopping the agent would, and waits for the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
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

    private void OnOutput(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        const string marker = "API: ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0) _banner.TrySetResult(line[(at + marker.Length)..].Trim());
    }
}
