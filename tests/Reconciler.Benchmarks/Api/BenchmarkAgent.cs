using System.Diagnostics;

namespace Reconciler.Benchmarks.Api;

/// <summary>
/// A real <c>recon agent -dev -http-port 0</c> child process for the API benchmark: started from a <c>recon</c> executable,
/// ready once it prints its API address; disposing sends SIGTERM (a dev agent stops its tasks) and waits for the exit.
/// </summary>
internal sealed class BenchmarkAgent : IAsyncDisposable
{
    private readonly Process _process;

    private BenchmarkAgent(Process process, string address) => (_process, Address) = (process, address);

    /// <summary>The API's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string Address { get; }

    public static async Task<BenchmarkAgent> StartAsync(string recon)
    {
        var start = new ProcessStartInfo(recon, ["agent", "-dev", "-http-port", "0"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{recon} did not start");
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string marker = "API: ";
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0) continue;
            _ = process.StandardOutput.ReadToEndAsync();
            return new BenchmarkAgent(process, line[(at + marker.Length)..].Trim());
        }
        throw new InvalidOperationException($"{recon} agent -dev exited with {process.ExitCode} before printing its address");
    }

    public async ValueTask DisposeAsync()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
    }
}
