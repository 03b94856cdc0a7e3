using System.Diagnostics;

namespace Reconciler.Tests.Shared;

/// <summary>A fact that needs a Docker engine with the test images; skipped, saying why, without one.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Problem = new(Probe);

    public DockerFactAttribute()
    {
        if (Problem.Value is { } problem) Skip = problem;
    }

    // Null when a Docker engine answers on the local socket and has the test image; otherwise why not.
    private static string? Probe()
    {
        if (!File.Exists("/var/run/docker.sock"))
            return "no Docker engine: /var/run/docker.sock does not exist (scripts/install-test-deps.sh starts dockerd)";
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "image inspect recon-test/busybox:1 recon-test/busybox:2")
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = docker.StandardOutput.ReadToEndAsync();
            var error = docker.StandardError.ReadToEnd();
            docker.WaitForExit();
            output.Wait();
            return docker.ExitCode == 0 ? null : $"the test images recon-test/busybox:1 and :2 are missing: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return $"the docker CLI cannot run: {exception.Message}";
        }
    }
}
