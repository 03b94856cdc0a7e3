using System.Text.Json.Nodes;

using Reconciler.Benchmarks.Rollout;

namespace Reconciler.Benchmarks;

/// <summary>
/// A rolling update on real Docker, Reconciler against Docker Swarm on the same engine: <c>--replicas</c> (20)
/// containers of the busybox test image updated <c>--parallel</c> (5) at a time to a new environment value, each
/// timed from submitting the update to converged. <c>--workload sleep|trap</c> and <c>--grace-seconds</c> (10, Docker's
/// default) choose the containers' command and the stop grace period both get, <c>--swarm-order</c> Swarm's update
/// order (see <see cref="RolloutWorkload"/>).
/// Prints the two times side by side on stderr and the figures as the JSON line; <c>--only reconciler</c> skips Swarm
/// (to look into Reconciler's own figures).
/// </summary>
public sealed class RolloutBenchmark : IBenchmarkScenario
{
    public string Name => "rollout";

    public async Task<JsonObject> RunAsync(string[] args)
    {
        var workload = RolloutWorkload.Parse(args);
        var load = MachineLoad.LoadAverage();
        var reconciler = await new ReconcilerRollout(workload).RunAsync();
        var swarm = BenchmarkArgs.Text(args, "--only") == "reconciler" ? null : await new SwarmRollout(workload).RunAsync();
        var ratio = swarm is null ? double.NaN : reconciler.Update / swarm.Update;
        Console.Error.WriteLine($"rollout of {workload.Replicas} ({workload.Name}, {workload.Parallel} at a time): Reconciler {Seconds(reconciler.Update)} s | Swarm {(swarm is null ? "-" : Seconds(swarm.Update))} s | ratio {Math.Round(ratio, 2)}");
        return new JsonObject
        {
            ["scenario"] = Name,
            ["workload"] = workload.Name,
            ["replicas"] = workload.Replicas,
            ["max_parallel"] = workload.Parallel,
            ["stop_grace_s"] = workload.StopGrace.TotalSeconds,
            ["swarm_update_order"] = workload.SwarmOrder,
            ["reconciler_update_s"] = Seconds(reconciler.Update),
            ["swarm_update_s"] = swarm is null ? null : Seconds(swarm.Update),
            ["ratio"] = swarm is null ? null : Math.Round(ratio, 2),
            ["swarm_update_status_s"] = swarm is null ? null : Seconds(swarm.UpdateStatus),
            ["reconciler_create_s"] = Seconds(reconciler.Create),
            ["swarm_create_s"] = swarm is null ? null : Seconds(swarm.Create),
            ["reconciler_update_evaluations"] = reconciler.Evaluations,
            ["reconciler_placed_to_started_ms"] = reconciler.Phases.PlacedToStartedMs,
            ["reconciler_started_to_healthy_ms"] = reconciler.Phases.StartedToHealthyMs,
            ["reconciler_healthy_to_next_placed_ms"] = reconciler.Phases.HealthyToNextPlacedMs,
            ["load_average_before"] = load,
            ["load_average_after"] = MachineLoad.LoadAverage(),
        };
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 1);
}
