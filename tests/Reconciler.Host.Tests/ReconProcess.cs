using System.Diagnostics;

namespace Reconciler.Host.Tests;

/// <summary>Runs the real <c>recon</c> executable (the built recon.dll beside the tests) as a child process.</summary>
internal static class ReconProcess
{
    public static string ReconDll => Path.Combine(AppContext.BaseDirectory, "recon.dll");

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs recon with <paramref name="environment"/> added to the test's environment.</summary>
    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) => RunAsync(StartInfo(environment, args));

    /// <summary>Runs recon with <paramref name="directory"/> as its working directory and <paramref name="environment"/> added.</summary>
    public static Task<CliRun> RunInAsync(string directory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(environment, args);
        start.WorkingDirectory = directory;
        return RunAsync(start);
    }

    private static async Task<CliRun> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return new CliRun(process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>How to start recon with <paramref name="args"/>, output redirected, RECON_DEBUG cleared.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] args)
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
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return start;
    }
}
