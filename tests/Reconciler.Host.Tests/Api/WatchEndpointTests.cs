using System.Text.Json.Nodes;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Api;

public sealed class WatchEndpointTests : AgentTest
{
    // These tests are about the generic resource API; the scheduler's controllers would add finalizers and evaluations to their jobs.
    protected override bool RunsScheduler => false;

    [Fact]
    public async Task A_blocking_query_answers_once_a_write_passes_its_index()
    {
        var index = (await Agent.Http.GetAsync("/v1/jobs")).Index();
        var blocked = Agent.Http.GetAsync($"/v1/jobs?index={index}&wait=5m");

        await Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));
        var response = await blocked;

        response.Index().Should().BeGreaterThan(index);
        (await response.JsonAsync())["items"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task A_blocking_query_whose_wait_runs_out_answers_with_the_unchanged_state()
    {
        var index = (await Agent.Http.GetAsync("/v1/jobs")).Index();

        var response = await Agent.Http.GetAsync($"/v1/jobs?index={index}&wait=10ms");

        response.Index().Should().Be(index);
    }

    [Fact]
    public async Task A_blocking_query_with_an_index_already_passed_answers_at_once()
    {
        var response = await Agent.Http.GetAsync("/v1/namespaces/default?index=0&wait=10m");

        response.Index().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_event_stream_delivers_a_line_per_change_filtered_by_kind_and_namespace()
    {
        await Agent.PutYamlAsync("/v1/namespaces/team-a", Manifests.Namespace("team-a"));
        using var stream = await Agent.Http.GetAsync("/v1/event/stream?kind=jobs&namespace=team-a", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        await Agent.PutYamlAsync("/v1/jobs/other", Manifests.Job("other"));
        await Agent.PutYamlAsync("/v1/jobs/web?namespace=team-a", Manifests.Job("web", "team-a"));
        var line = JsonNode.Parse((await reader.ReadLineAsync())!)!;

        stream.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
        line["type"]!.GetValue<string>().Should().Be("added");
        line["key"]!.GetValue<string>().Should().Be("Job/team-a/web");
        line["object"]!["spec"]!["groups"]![0]!["count"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task The_event_stream_replays_from_an_index()
    {
        var index = (await Agent.Http.GetAsync("/v1/jobs")).Index();
        await Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));
        await Agent.Http.DeleteAsync("/v1/jobs/web");

        using var stream = await Agent.Http.GetAsync($"/v1/event/stream?index={index}&kind=Job", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        JsonNode.Parse((await reader.ReadLineAsync())!)!["type"]!.GetValue<string>().Should().Be("added");
        JsonNode.Parse((await reader.ReadLineAsync())!)!["type"]!.GetValue<string>().Should().Be("deleted");
    }
}
