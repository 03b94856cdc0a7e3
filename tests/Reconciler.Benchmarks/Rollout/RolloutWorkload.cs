using System.Globalization;

namespace Reconciler.Benchmarks.Rollout;

/// <summary>
/// What both orchestrators roll: <see cref="Replicas"/> containers of recon-test/busybox:1 running <see cref="Args"/>,
/// updated <see cref="Parallel"/> at a time to a new value of the environment variable <c>X</c>, with the same stop
/// grace period (Reconciler's killTimeout, Swarm's --stop-grace-period) on both sides.
/// </summary>
/// <remarks>
/// <see cref="SwarmOrder"/> is Swarm's --update-order: <c>stop-first</c> (its default) waits for an old task to stop
/// before starting its replacement; <c>start-first</c> does not, as Reconciler (like Nomad) does not.
/// </remarks>
public sealed record RolloutWorkload(string Name, int Replicas, int Parallel, IReadOnlyList<string> Args, TimeSpan StopGrace, string SwarmOrder)
{
    /// <summary>The image both run.</summary>
    public const string Image = "recon-test/busybox:1";

    /// <summary>
    /// <c>sleep</c>: busybox sleep as PID 1, which ignores SIGTERM, so every stop takes the grace period;
    /// <c>trap</c>: a shell that exits on SIGTERM, so stops are prompt and the figure is the orchestrators' own.
    /// </summary>
    public static RolloutWorkload Parse(string[] args)
    {
        var name = BenchmarkArgs.Text(args, "--workload", "sleep")!;
        IReadOnlyList<string> command = name switch
        {
            "sleep" => ["sleep", "3600"],
            "trap" => ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"],
            _ => throw new ArgumentException($"--workload {name} is not known; pass sleep or trap."),
        };
        var grace = TimeSpan.FromSeconds(BenchmarkArgs.Int(args, "--grace-seconds", 10));
        var order = BenchmarkArgs.Text(args, "--swarm-order", "stop-first")!;
        if (order is not ("stop-first" or "start-first")) throw new ArgumentException($"--swarm-order {order} is not known; pass stop-first or start-first.");
        return new RolloutWorkload(name, BenchmarkArgs.Int(args, "--replicas", 20), BenchmarkArgs.Int(args, "--parallel", 5), command, grace, order);
    }

    /// <summary>The grace period as both CLIs and manifests write it, e.g. <c>10s</c>.</summary>
    public string GraceText => $"{StopGrace.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
