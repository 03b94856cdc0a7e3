using System.Diagnostics;

namespace Reconciler.Benchmarks.Api;

/// <summary>Runs one <c>recon</c> CLI command as a new process against an agent and times it from process start to exit.</summary>
internal sealed class CliRunner(string recon, string address, string workingDirectory)
{
    /// <summary>The executable (an apphost) this runner starts.</summary>
    public string Recon { get; } = recon;

    /// <summary>Runs <paramref name="args"/>; returns its wall time in <see cref="Stopwatch"/> ticks and its CPU time, or throws with its output when it fails.</summary>
    public async Task<(long Ticks, double CpuMilliseconds)> TimeAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Recon, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
            Environment = { ["RECON_ADDR"] = address, ["RECON_CONFIG_DIR"] = workingDirectory },
        };
        var cpu = ChildCpuTime.Milliseconds();
        var began = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Recon} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = Stopwatch.GetTimestamp() - began;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"recon {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
        return (elapsed, ChildCpuTime.Milliseconds() - cpu);
    }
}
