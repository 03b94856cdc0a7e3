using System.Diagnostics;

namespace Reconciler.Benchmarks.Rollout;

/// <summary>Runs the docker CLI against the local engine.</summary>
public static class DockerCli
{
    /// <summary>Runs <c>docker</c> with <paramref name="args"/>; throws with its error output when it fails.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(params string[] args)
    {
        var (code, output, error) = await TryAsync(args);
        return code == 0 ? output : throw new InvalidOperationException($"docker {string.Join(' ', args)} failed ({code}): {error.Trim()}");
    }

    /// <summary>Runs <c>docker</c> with <paramref name="args"/>; returns its exit code, output lines and error output.</summary>
    public static async Task<(int Code, IReadOnlyList<string> Output, string Error)> TryAsync(params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var docker = Process.Start(start)!;
        var output = docker.StandardOutput.ReadToEndAsync();
        var error = docker.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await docker.WaitForExitAsync(timeout.Token);
        return (docker.ExitCode, (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), await error);
    }

    /// <summary>Force-removes every container carrying <paramref name="label"/> (<c>key=value</c>).</summary>
    public static async Task RemoveLabelledAsync(string label)
    {
        var ids = await RunAsync("ps", "-aq", "--filter", $"label={label}");
        if (ids.Count > 0) await RunAsync(["rm", "-f", .. ids]);
    }
}
