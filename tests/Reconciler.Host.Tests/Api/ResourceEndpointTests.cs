using System.Net;
using System.Text;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Api;

public sealed class ResourceEndpointTests : AgentTest
{
    // These tests are about the generic resource API; the scheduler's controllers would add finalizers and evaluations to their jobs.
    protected override bool RunsScheduler => false;

    [Fact]
    public async Task A_put_object_can_be_read_back_and_listed_with_the_index_it_was_written_at()
    {
        var put = await Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));
        var get = await Agent.Http.GetAsync("/v1/jobs/web?namespace=default");
        var list = await Agent.Http.GetAsync("/v1/jobs");

        put.StatusCode.Should().Be(HttpStatusCode.Created);
        get.StatusCode.Should().Be(HttpStatusCode.OK);
        var job = await get.JsonAsync();
        job["metadata"]!["name"]!.GetValue<string>().Should().Be("web");
        job["spec"]!["type"]!.GetValue<string>().Should().Be("service", "admission fills in Nomad's defaults");
        get.Index().Should().Be(job["metadata"]!["resourceVersion"]!.GetValue<long>());
        (await list.JsonAsync())["items"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task A_put_that_fails_validation_is_a_400_with_field_paths_and_writes_nothing()
    {
        var response = await Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web", count: -1));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await response.ErrorAsync();
        error["code"]!.GetValue<string>().Should().Be("Invalid");
        error["details"]!["errors"]![0]!["path"]!.GetValue<string>().Should().Be("spec.groups[0].count");
        error["details"]!["errors"]![0]!["line"]!.GetValue<int>().Should().BeGreaterThan(0);
        (await Agent.Http.GetAsync("/v1/jobs/web")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_write_with_a_stale_index_is_a_409_naming_the_current_index()
    {
        var created = await (await Agent.PutYamlAsync("/v1/jobs/web?index=0", Manifests.Job("web"))).JsonAsync();
        var revision = created["metadata"]!["resourceVersion"]!.GetValue<long>();
        await Agent.PutYamlAsync($"/v1/jobs/web?index={revision}", Manifests.Job("web", count: 2));

        var stale = await Agent.PutYamlAsync($"/v1/jobs/web?index={revision}", Manifests.Job("web", count: 3));
        var staleDelete = await Agent.Http.DeleteAsync($"/v1/jobs/web?index={revision}");

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var error = await stale.ErrorAsync();
        var current = error["details"]!["currentIndex"]!.GetValue<long>();
        current.Should().BeGreaterThan(revision);
        error["message"]!.GetValue<string>().Should().Contain($"current index {current}");
        staleDelete.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await (await Agent.Http.GetAsync("/v1/jobs/web")).JsonAsync())["spec"]!["groups"]![0]!["count"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task Deleting_an_object_removes_it_and_deleting_it_again_is_a_404()
    {
        await Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));

        var deleted = await Agent.Http.DeleteAsync("/v1/jobs/web");
        var again = await Agent.Http.DeleteAsync("/v1/jobs/web");

        (await deleted.JsonAsync())["action"]!.GetValue<string>().Should().Be("deleted");
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await again.ErrorAsync())["code"]!.GetValue<string>().Should().Be("NotFound");
    }

    [Fact]
    public async Task Lists_filter_by_namespace_and_label_selector()
    {
        await Agent.PutYamlAsync("/v1/namespaces/team-a", Manifests.Namespace("team-a"));
        await Agent.PutYamlAsync("/v1/jobs/web?namespace=team-a", Manifests.Job("web", "team-a", labels: "{ app: web }"));
        await Agent.PutYamlAsync("/v1/jobs/db", Manifests.Job("db", labels: "{ app: db }"));

        var inDefault = await (await Agent.Http.GetAsync("/v1/jobs")).JsonAsync();
        var everywhere = await (await Agent.Http.GetAsync("/v1/jobs?namespace=*")).JsonAsync();
        var selected = await (await Agent.Http.GetAsync("/v1/jobs?namespace=*&selector=app%3Dweb")).JsonAsync();

        inDefault["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>()).Should().Equal("db");
        everywhere["items"]!.AsArray().Should().HaveCount(2);
        selected["items"]!.AsArray().Select(i => i!["metadata"]!["namespace"]!.GetValue<string>()).Should().Equal("team-a");
    }

    [Fact]
    public async Task Writing_into_a_namespace_that_does_not_exist_is_a_404_saying_how_to_create_it()
    {
        var response = await Agent.PutYamlAsync("/v1/jobs/web?namespace=nowhere", Manifests.Job("web", "nowhere"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("recon namespace apply nowhere");
    }

    [Fact]
    public async Task Deleting_a_namespace_that_still_holds_jobs_is_refused_with_409_and_deleting_it_empty_works()
    {
        await Agent.PutYamlAsync("/v1/namespaces/team-a", Manifests.Namespace("team-a"));
        await Agent.PutYamlAsync("/v1/jobs/web?namespace=team-a", Manifests.Job("web", "team-a"));

        var refused = await Agent.Http.DeleteAsync("/v1/namespaces/team-a");
        await Agent.Http.DeleteAsync("/v1/jobs/web?namespace=team-a");
        var accepted = await Agent.Http.DeleteAsync("/v1/namespaces/team-a");

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("still holds 1 object (Job/team-a/web)");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_default_namespace_exists_from_the_start_and_cannot_be_deleted()
    {
        (await Agent.Http.GetAsync("/v1/namespaces/default")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Agent.Http.DeleteAsync("/v1/namespaces/default")).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_agent_describes_itself_and_its_kinds()
    {
        var self = await (await Agent.Http.GetAsync("/v1/agent/self")).JsonAsync();
        var kinds = await Agent.Http.GetStringAsync("/v1/kinds");

        self["server"]!.GetValue<bool>().Should().BeFalse("this test class runs the agent without its server role");
        self["dev"]!.GetValue<bool>().Should().BeTrue();
        kinds.Should().Contain("""{"kind":"Job","plural":"jobs","namespaced":true,"system":false}""");
    }

    [Fact]
    public async Task An_unknown_kind_is_a_404_naming_the_known_kinds()
    {
        var response = await Agent.Http.GetAsync("/v1/widgets");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Index().Should().BeGreaterThan(0);
        var error = await response.ErrorAsync();
        error["code"]!.GetValue<string>().Should().Be("UnknownRoute");
        error["message"]!.GetValue<string>().Should().Contain("Unknown kind 'widgets'").And.Contain("Job, Namespace").And.Contain("/v1/jobs");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_listing_the_routes()
    {
        var response = await Agent.Http.GetAsync("/v1/jobs/web/versions/3");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("No route for GET /v1/jobs/web/versions/3").And.Contain("/v1/apply");
    }

    [Fact]
    public async Task A_singular_kind_route_points_to_the_plural_one()
    {
        var response = await Agent.Http.GetAsync("/v1/job/web");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("served under /v1/jobs");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_error_body_and_nothing_is_written()
    {
        var huge = Manifests.Job("web") + "\n# " + new string('x', 5 * 1024 * 1024);

        // Expect: 100-continue lets the agent refuse before the body is sent, as the CLI's client does. The client waits
        // 1s for the agent's answer by default and then sends the body anyway, which a loaded machine can exceed; the
        // agent then closes the connection mid-body and the client sees a broken pipe instead of the 413.
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) }) { BaseAddress = Agent.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/v1/jobs/web") { Content = new StringContent(huge, Encoding.UTF8, "application/yaml") };
        request.Headers.ExpectContinue = true;
        var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.ErrorAsync())["code"]!.GetValue<string>().Should().Be("PayloadTooLarge");
        (await Agent.Http.GetAsync("/v1/jobs/web")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_json_body_is_read_as_strictly_as_yaml()
    {
        const string json = """{"apiVersion":"recon/v1","kind":"Namespace","metadata":{"name":"team-b"},"spec":{"descripton":"typo"}}""";

        var response = await Agent.Http.PutAsync("/v1/namespaces/team-b", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync())["details"]!["errors"]![0]!["text"]!.GetValue<string>().Should().Contain("spec.descripton").And.Contain("did you mean description?");
    }
}
