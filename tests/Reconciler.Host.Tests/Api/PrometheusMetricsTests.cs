using System.Net;
using Reconciler.Host.Agent;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Resources.Agent;
using Reconciler.Tests.Shared;

namespace Reconciler.Host.Tests.Api;

public sealed class PrometheusMetricsTests
{
    private static async Task<AgentHost> StartAsync(TempDirectory data, bool prometheus)
    {
        var agent = AgentHost.Create(new AgentConfig
        {
            DataDir = data.Path, LogLevel = "ERROR", Ports = new AgentPorts { Http = 0 },
            Server = new ServerConfig { Enabled = true }, Telemetry = new TelemetryConfig { PrometheusMetrics = prometheus },
        }, dev: false);
        await agent.StartAsync();
        return agent;
    }

    [PromtoolFact]
    public async Task With_prometheus_metrics_on_the_agent_serves_its_controllers_figures_in_the_text_format_promtool_accepts()
    {
        using var data = new TempDirectory();
        await using var agent = await StartAsync(data, prometheus: true);
        using var http = new HttpClient { BaseAddress = agent.Address };
        await SimulatedNodes.RegisterAsync(http, "node-1");
        (await http.PutAsync("/v1/jobs/web", new StringContent(Manifests.Job("web", count: 2), System.Text.Encoding.UTF8, "application/yaml"))).EnsureSuccessStatusCode();
        await SimulatedNodes.AwaitAllocationsAsync(http, "web", a => a.Count == 2);

        using var response = await http.GetAsync("/v1/metrics?format=prometheus");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        text.Should().MatchRegex(@"(?m)^reconciler_reconciles_total\{controller=""[^""]+"",result=""[a-z]+""\} [1-9]")
            .And.MatchRegex(@"(?m)^reconciler_reconcile_duration_seconds_bucket\{controller=""[^""]+"",le=""\+Inf""\} [1-9]")
            .And.MatchRegex(@"(?m)^reconciler_queue_depth\{controller=""[^""]+""\} \d");
        var check = await Promtool.CheckAsync(text);
        check.ExitCode.Should().Be(0, check.Output);
    }

    [Fact]
    public async Task Without_prometheus_metrics_or_with_another_format_the_answer_says_what_to_do_while_json_is_always_served()
    {
        using var data = new TempDirectory();
        await using var agent = await StartAsync(data, prometheus: false);
        using var http = new HttpClient { BaseAddress = agent.Address };

        var off = await http.GetAsync("/v1/metrics?format=prometheus");
        var other = await http.GetAsync("/v1/metrics?format=statsd");
        var json = await http.GetAsync("/v1/metrics");

        off.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await off.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("prometheus_metrics = true");
        other.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await other.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("?format=prometheus");
        json.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await json.Content.ReadAsStringAsync())!;
        body["gauges"]!.AsArray().Should().Contain(g => g!["name"]!.GetValue<string>() == "reconciler.queue.depth");
        body["timestamp"]!.GetValue<string>().Should().NotBeEmpty();
    }
}
