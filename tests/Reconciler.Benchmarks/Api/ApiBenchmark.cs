using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Reconciler.Benchmarks.Api;

/// <summary>
/// The CLI and API as a user meets them, against a real <c>recon agent -dev</c> process: (a) the round trip of
/// <c>recon job status</c> (listing one job) including process start, median over <c>--runs</c> runs, for each <c>--cli</c> executable
/// (e.g. the <c>dotnet build</c> apphost and a ReadyToRun publish); (b) <c>recon job run</c> of an exec job of
/// <c>--allocations</c> <c>busybox sleep 3600</c> tasks until every allocation runs, <c>--job-runs</c> times.
/// </summary>
public sealed class ApiBenchmark : IBenchmarkScenario
{
    public string Name => "api";

    public async Task<JsonObject> RunAsync(string[] args)
    {
        var clis = Values(args, "--cli") is { Count: > 0 } given ? given : [Path.Combine(AppContext.BaseDirectory, "recon")];
        var runs = Option(args, "--runs", 20);
        var allocations = Option(args, "--allocations", 20);
        var jobRuns = Option(args, "--job-runs", 3);
        var directory = Directory.CreateTempSubdirectory("reconciler-api-").FullName;
        try
        {
            await using var agent = await BenchmarkAgent.StartAsync(clis[0]);
            var first = new CliRunner(clis[0], agent.Address, directory);
            var jobRun = await JobRunsAsync(first, directory, allocations, jobRuns);
            var status = new JsonArray();
            foreach (var cli in clis) status.Add(await StatusAsync(new CliRunner(cli, agent.Address, directory), runs));
            return new JsonObject
            {
                ["scenario"] = Name,
                ["cores"] = Environment.ProcessorCount,
                ["loadAverage"] = LoadAverage(),
                ["jobStatus"] = status,
                ["jobRun"] = jobRun,
            };
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // One untimed run first: the first start of an executable also pays for reading it from disk.
    private static async Task<JsonObject> StatusAsync(CliRunner cli, int runs)
    {
        await cli.TimeAsync("job", "status");
        var samples = new List<(long Ticks, double CpuMilliseconds)>();
        for (var i = 0; i < runs; i++) samples.Add(await cli.TimeAsync("job", "status"));
        var percentiles = new Percentiles(samples.Select(s => s.Ticks));
        var cpu = samples.Select(s => s.CpuMilliseconds).Order().ToList();
        return new JsonObject
        {
            ["cli"] = cli.Recon,
            ["runs"] = runs,
            ["medianMs"] = Milliseconds(percentiles, 50),
            ["p90Ms"] = Milliseconds(percentiles, 90),
            ["minMs"] = Milliseconds(percentiles, 0),
            ["cpuMedianMs"] = Math.Round(cpu[cpu.Count / 2], 1),
        };
    }

    // Each run registers a new job and waits (the CLI's own monitor, which follows the deployment) until all its
    // allocations run and the deployment is successful; purged afterwards,
    // all but the last, which stays for `job status` to list (an empty list would leave out reading a job).
    private static async Task<JsonObject> JobRunsAsync(CliRunner cli, string directory, int allocations, int runs)
    {
        var samples = new List<long>();
        for (var i = 1; i <= runs; i++)
        {
            var file = Path.Combine(directory, $"sleepers-{i}.yaml");
            await File.WriteAllTextAsync(file, SleepJob($"sleepers-{i}", allocations));
            samples.Add((await cli.TimeAsync("job", "run", file)).Ticks);
            if (i < runs) await cli.TimeAsync("job", "stop", "-purge", $"sleepers-{i}");
        }
        var percentiles = new Percentiles(samples);
        return new JsonObject
        {
            ["allocations"] = allocations,
            ["runsMs"] = new JsonArray([.. samples.Select(s => (JsonNode)Math.Round(s * 1000.0 / Stopwatch.Frequency, 1))]),
            ["medianMs"] = Milliseconds(percentiles, 50),
        };
    }

    private static string SleepJob(string name, int count) => $$"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: {{name}}
        spec:
          type: service
          datacenters: ["*"]
          groups:
            - name: sleep
              count: {{count}}
              # `job run` follows the job's deployment to its end, as Nomad's does: with the default minHealthyTime
              # (10s) it would time the health window, not the run; running counts as healthy here.
              update: { minHealthyTime: 0s, healthCheck: task_states }
              tasks:
                - name: sleep
                  driver: exec
                  config:
                    command: /bin/busybox
                    args: ["sleep", "3600"]
                  resources:
                    cpu: 10
                    memoryMB: 16
        """;

    private static double Milliseconds(Percentiles percentiles, double percent) => Math.Round(percentiles.Microseconds(percent) / 1000, 1);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static List<string> Values(string[] args, string name) =>
        [.. args.Select((value, at) => (value, at)).Where(a => a.value == name && a.at + 1 < args.Length).Select(a => args[a.at + 1])];

    private static int Option(string[] args, string name, int fallback) =>
        Values(args, name) is [.., var last] ? int.Parse(last, CultureInfo.InvariantCulture) : fallback;
}
