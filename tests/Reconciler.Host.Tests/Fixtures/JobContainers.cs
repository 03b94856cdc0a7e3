using System.Diagnostics;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>One container of a job as <c>docker inspect</c> reports it.</summary>
internal sealed record JobContainer(string Id, string Image, bool Running, string AllocationId);

/// <summary>
/// The Docker containers the docker driver ran for one job (found by its <c>recon.job</c> label) read with the docker
/// CLI, independently of the driver, and removed when a test ends.
/// </summary>
internal static class JobContainers
{
    /// <summary>Every container of <paramref name="job"/>, running or not, as <c>docker ps</c> lists them.</summary>
    public static async Task<IReadOnlyList<JobContainer>> ListAsync(string job)
    {
        var lines = await DockerAsync(["ps", "-a", "--no-trunc", "--filter", $"label=recon.job={job}", "--format", "{{.ID}} {{.Image}} {{.State}} {{.Label \"recon.alloc_id\"}}"]);
        return [.. lines.Select(line => line.Split(' ')).Select(f => new JobContainer(f[0], f[1], f[2] == "running", f[3]))];
    }

    /// <summary>The id of the image each container runs, as <c>docker inspect</c> reports it.</summary>
    public static Task<IReadOnlyList<string>> ImageIdsAsync(IEnumerable<JobContainer> containers) =>
        DockerAsync(["inspect", "--format", "{{.Image}}", .. containers.Select(c => c.Id)]);

    /// <summary>The id of the local image <paramref name="image"/>, e.g. <c>sha256:...</c>.</summary>
    public static async Task<string> ImageIdAsync(string image) => (await DockerAsync(["image", "inspect", "--format", "{{.Id}}", image])).Single();

    /// <summary>Force-removes every container of <paramref name="job"/>.</summary>
    public static async Task RemoveAsync(string job)
    {
        var containers = await ListAsync(job);
        if (containers.Count > 0) await DockerAsync(["rm", "-f", .. containers.Select(c => c.Id)]);
    }

    private static async Task<IReadOnlyList<string>> DockerAsync(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var docker = Process.Start(start)!;
        var output = docker.StandardOutput.ReadToEndAsync();
        var error = docker.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await docker.WaitForExitAsync(timeout.Token);
        docker.ExitCode.Should().Be(0, $"docker {string.Join(' ', start.ArgumentList)} failed: {await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
