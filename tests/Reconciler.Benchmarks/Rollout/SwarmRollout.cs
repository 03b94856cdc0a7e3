using System.Diagnostics;
using System.Globalization;

namespace Reconciler.Benchmarks.Rollout;

/// <summary>
/// The same rollout on Docker Swarm on the same engine: a single-node swarm on loopback, a service of the workload's
/// replicas created and converged, then <c>docker service update --update-parallelism N --update-delay 0s --env-add
/// X=2</c> timed until the CLI returns (without --detach it follows the update until "Service converged", after
/// Swarm's own check that the new tasks stay up), beside the update's own start and completion times. The service is
/// removed and the node leaves the swarm afterwards; it refuses to run on an engine that is already in a swarm.
/// </summary>
public sealed class SwarmRollout(RolloutWorkload workload)
{
    private readonly string _service = $"bench-{Guid.NewGuid():N}"[..14];

    /// <summary>Creates the service, then times the update.</summary>
    public async Task<SwarmTiming> RunAsync()
    {
        var state = (await DockerCli.RunAsync("info", "--format", "{{.Swarm.LocalNodeState}}")).Single();
        if (state != "inactive")
            throw new InvalidOperationException($"the Docker engine is already in a swarm ({state}); the benchmark creates and leaves its own, so leave it first with `docker swarm leave --force`.");
        await DockerCli.RunAsync("swarm", "init", "--advertise-addr", "127.0.0.1");
        try
        {
            return await MeasureAsync();
        }
        finally
        {
            await DockerCli.TryAsync("service", "rm", _service);
            await UntilGoneAsync();
            await DockerCli.RunAsync("swarm", "leave", "--force");
            await DockerCli.RemoveLabelledAsync($"com.docker.swarm.service.name={_service}");
        }
    }

    private async Task<SwarmTiming> MeasureAsync()
    {
        var created = Stopwatch.StartNew();
        await DockerCli.RunAsync(["service", "create", "--no-resolve-image", "--quiet", "--replicas", Text(workload.Replicas), "--name", _service,
            "--stop-grace-period", workload.GraceText, "--env", "X=1", RolloutWorkload.Image, .. workload.Args]);
        created.Stop();

        var updated = Stopwatch.StartNew();
        await DockerCli.RunAsync("service", "update", "--quiet", "--update-parallelism", Text(workload.Parallel), "--update-delay", "0s",
            "--update-order", workload.SwarmOrder, "--env-add", "X=2", _service);
        updated.Stop();

        var status = (await DockerCli.RunAsync("service", "inspect", _service, "--format", "{{.UpdateStatus.State}} {{.UpdateStatus.StartedAt.Format \"2006-01-02T15:04:05.999999999Z07:00\"}} {{.UpdateStatus.CompletedAt.Format \"2006-01-02T15:04:05.999999999Z07:00\"}}")).Single().Split(' ');
        if (status[0] != "completed") throw new InvalidOperationException($"the swarm update of {_service} ended {status[0]}, not completed");
        var running = await DockerCli.RunAsync("service", "ps", _service, "--filter", "desired-state=running", "--format", "{{.CurrentState}}");
        if (running.Count != workload.Replicas || !running.All(s => s.StartsWith("Running", StringComparison.Ordinal)))
            throw new InvalidOperationException($"after the update {_service} runs {running.Count(s => s.StartsWith("Running", StringComparison.Ordinal))} of {workload.Replicas} tasks");
        var ownDuration = DateTimeOffset.Parse(status[2], CultureInfo.InvariantCulture) - DateTimeOffset.Parse(status[1], CultureInfo.InvariantCulture);
        return new SwarmTiming(created.Elapsed, updated.Elapsed, ownDuration);
    }

    private async Task UntilGoneAsync()
    {
        var deadline = Stopwatch.StartNew();
        while ((await DockerCli.RunAsync("ps", "-aq", "--filter", $"label=com.docker.swarm.service.name={_service}")).Count > 0 && deadline.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(250);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How long Swarm took: creating the service, the update as its CLI follows it, and the update as Swarm records it (UpdateStatus).</summary>
public sealed record SwarmTiming(TimeSpan Create, TimeSpan Update, TimeSpan UpdateStatus);
