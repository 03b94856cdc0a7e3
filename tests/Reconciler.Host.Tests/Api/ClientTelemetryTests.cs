using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Resources.Agent;

namespace Reconciler.Host.Tests.Api;

/// <summary>
/// An agent with the Nomad tutorial's <c>[telemetry]</c> (allocation and node metrics, Prometheus) whose client runs a
/// real process (busybox sleep, exec driver): started once for the class, as the tests only read from it.
/// </summary>
public sealed class ClientTelemetryAgent : IAsyncLifetime
{
    internal RunningAgent Agent { get; private set; } = null!;

    internal string AllocationId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Agent = await RunningAgent.StartAsync(client: true, configure: config => config with
        {
            Telemetry = new TelemetryConfig
            {
                CollectionInterval = TimeSpan.FromMilliseconds(250), DisableHostname = false, PrometheusMetrics = true,
                PublishAllocationMetrics = true, PublishNodeMetrics = true,
            },
        });
        await SimulatedNodes.AwaitReadyNodeAsync(Agent.Http);
        var run = await Agent.CliAsync("job", "run", Agent.Files.Write("sleeper.yaml", Manifests.Sleeper("sleeper", 3600, cpu: 50, memoryMB: 32)));
        run.ExitCode.Should().Be(0, run.Output + run.Error);
        var allocations = await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "sleeper", a => a.Count == 1);
        AllocationId = allocations[0]["metadata"]!["name"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        if (Agent is not null) await Agent.DisposeAsync();
    }
}

public sealed class ClientTelemetryTests(ClientTelemetryAgent fixture) : IClassFixture<ClientTelemetryAgent>
{
    private RunningAgent Agent => fixture.Agent;

    // The collector samples every 250 ms: wait for a scrape that has the task's series.
    private async Task<string> ScrapeWithTaskAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var text = await Agent.Http.GetStringAsync("/v1/metrics?format=prometheus");
            if (text.Contains($"alloc_id=\"{fixture.AllocationId}\"", StringComparison.Ordinal) && text.Contains("recon_client_host_memory_size", StringComparison.Ordinal)) return text;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no series of allocation {fixture.AllocationId} in:\n{text}");
            await Task.Delay(100);
        }
    }

    private static long MemTotal() =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    [PromtoolFact]
    public async Task The_prometheus_scrape_has_the_tasks_and_hosts_series_with_nomads_labels_and_passes_promtool()
    {
        var text = await ScrapeWithTaskAsync();

        text.Should().MatchRegex($@"(?m)^recon_client_allocs_memory_rss\{{.*alloc_id=""{fixture.AllocationId}"",.*job=""sleeper"",.*namespace=""default"",.*node_id=""[^""]+"".*task=""sleep"",task_group=""nap""\}} [1-9]")
            .And.MatchRegex(@"(?m)^recon_client_allocs_cpu_total_ticks\{.*task=""sleep"".*\} \d")
            .And.MatchRegex($@"(?m)^recon_client_host_memory_size\{{.*host=""{Environment.MachineName}"".*\}} {MemTotal()}$")
            .And.MatchRegex(@"(?m)^recon_client_host_disk_size\{.*disk=""[^""]+"".*\} [1-9]")
            .And.MatchRegex(@"(?m)^reconciler_reconciles_total\{");
        var check = await Promtool.CheckAsync(text);
        check.ExitCode.Should().Be(0, check.Output);
    }

    [Fact]
    public async Task The_json_metrics_list_gauges_by_their_dotted_names_with_labels_and_the_host_memory_of_proc_meminfo()
    {
        await ScrapeWithTaskAsync();

        var json = JsonNode.Parse(await Agent.Http.GetStringAsync("/v1/metrics"))!;
        var gauges = json["gauges"]!.AsArray().Select(g => g!.AsObject()).ToList();

        json["timestamp"]!.GetValue<string>().Should().NotBeEmpty();
        gauges.Single(g => (string)g["name"]! == "recon.client.host.memory.size")["value"]!.GetValue<double>().Should().Be(MemTotal());
        var usage = gauges.Single(g => (string)g["name"]! == "recon.client.allocs.memory.usage" && (string)g["labels"]!["alloc_id"]! == fixture.AllocationId);
        usage["labels"]!["task_group"]!.GetValue<string>().Should().Be("nap");
        usage["value"]!.GetValue<double>().Should().BePositive();
        json["counters"]!.AsArray().Should().Contain(c => (string)c!["name"]! == "reconciler.reconciles");
        json["samples"]!.AsArray().Should().Contain(s => (string)s!["name"]! == "reconciler.reconcile.duration" && s["count"]!.GetValue<double>() > 0);
    }

    [Fact]
    public async Task Alloc_status_stats_shows_the_memory_of_the_running_process_and_node_status_stats_the_hosts()
    {
        var alloc = await Agent.CliAsync("alloc", "status", "-stats", "sleeper");
        var node = await Agent.CliAsync("node", "status", "-stats", (await Agent.CliAsync("node", "status")).Output.Split('\n')[1].Split("  ", StringSplitOptions.RemoveEmptyEntries)[2].Trim());
        var json = await Agent.CliAsync("alloc", "status", "-stats", "-o", "json", "sleeper");

        alloc.ExitCode.Should().Be(0, alloc.Error);
        alloc.Output.Should().Contain("Task Resources").And.MatchRegex(@"(?m)^sleep\s+(\d+\.\d%|-)\s+\d+\.\d\ds\s+\d+(\.\d)? (B|KiB|MiB)\s+\d");
        node.ExitCode.Should().Be(0, node.Error);
        node.Output.Should().Contain("Host Resource Utilization").And.Contain($"/ {Reconciler.Host.Cli.Output.ByteSize.Format(MemTotal())} total");
        json.ExitCode.Should().Be(0, json.Error);
        var stats = JsonNode.Parse(json.Output)!["stats"]!;
        stats["tasks"]!["sleep"]!["memoryBytes"]!.GetValue<long>().Should().BePositive();
        stats["tasks"]!["sleep"]!["memoryRssBytes"]!.GetValue<long>().Should().BePositive("busybox sleep holds some resident pages");
    }

    [Fact]
    public async Task The_stats_routes_answer_per_task_and_for_the_host()
    {
        var alloc = JsonNode.Parse(await Agent.Http.GetStringAsync($"/v1/client/allocation/{fixture.AllocationId[..8]}/stats"))!;
        var host = JsonNode.Parse(await Agent.Http.GetStringAsync("/v1/client/stats"))!;

        alloc["allocationId"]!.GetValue<string>().Should().Be(fixture.AllocationId);
        alloc["total"]!["memoryBytes"]!.GetValue<long>().Should().Be(alloc["tasks"]!["sleep"]!["memoryBytes"]!.GetValue<long>());
        host["memory"]!["total"]!.GetValue<long>().Should().Be(MemTotal());
        host["disk"]!["size"]!.GetValue<long>().Should().BePositive();
    }
}
