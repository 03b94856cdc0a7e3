using System.Diagnostics;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>
/// promtool (Debian's prometheus package, installed by scripts/install-test-deps.sh) linting metrics text as a
/// Prometheus server would read it.
/// </summary>
internal static class Promtool
{
    /// <summary>Why promtool cannot run here, or null when it can.</summary>
    public static readonly Lazy<string?> Missing = new(() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, "promtool"))) == true
            ? null
            : "promtool is not installed: scripts/install-test-deps.sh installs it (Debian's prometheus package)");

    /// <summary>Runs <c>promtool check metrics</c> over <paramref name="metrics"/>: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> CheckAsync(string metrics)
    {
        using var process = Process.Start(new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}

/// <summary>A fact that lints with promtool; skipped, saying why, where promtool cannot be had.</summary>
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Promtool.Missing.Value is { } missing) Skip = missing;
    }
}
