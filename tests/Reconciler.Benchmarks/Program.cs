// Benchmarks, one scenario per run, each printing ONE JSON line so results can be compared by tools.
// Usage: dotnet run -c Release --project tests/Reconciler.Benchmarks -- <scenario> [options]
// Scenarios: store, runtime, schedule, api, rollout (IBenchmarkScenario classes, listed below).
using System.Text.Json;
using Reconciler.Benchmarks;
using Reconciler.Benchmarks.Api;

IBenchmarkScenario[] scenarios = [new StoreBenchmark(), new RuntimeBenchmark(), new ScheduleBenchmark(), new ApiBenchmark(), new RolloutBenchmark()];

var name = args.FirstOrDefault();
var scenario = scenarios.FirstOrDefault(s => s.Name == name);
if (scenario is null)
{
    Console.Error.WriteLine($"Usage: Reconciler.Benchmarks <scenario>; scenarios: {string.Join(", ", scenarios.Select(s => s.Name))}.");
    return 2;
}

var result = await scenario.RunAsync(args[1..]);
Console.WriteLine(JsonSerializer.Serialize(result));
return 0;
