using System.Diagnostics;

namespace Reconciler.Host.Tests;

/// <summary>Runs the real <c>recon</c> executable (the built recon.dll beside the tests) as a child process.</summary>
internal static class ReconProcess
{
    private static string ReconDll => Path.Combine(AppContext.BaseDirectory, "recon.dll");

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        File.Exists(ReconDll).Should().BeTrue($"the recon executable is built beside the tests at {ReconDll}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ReconDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment.Remove("RECON_DEBUG");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
