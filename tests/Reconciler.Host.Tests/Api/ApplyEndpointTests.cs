using System.Net;
using System.Net.Http.Json;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Api;

public sealed class ApplyEndpointTests : AgentTest
{
    // These tests are about the generic resource API; the scheduler's controllers would add finalizers and evaluations to their jobs.
    protected override bool RunsScheduler => false;

    [Fact]
    public async Task Applying_creates_then_reports_unchanged_then_configured()
    {
        var yaml = Manifests.Documents(Manifests.Namespace("team-a"), Manifests.Job("web", "team-a"));

        var first = await ApplyAsync(new ApplyRequest { Files = [new ManifestFile("app.yaml", yaml)] });
        var second = await ApplyAsync(new ApplyRequest { Files = [new ManifestFile("app.yaml", yaml)] });
        var third = await ApplyAsync(new ApplyRequest { Files = [new ManifestFile("app.yaml", yaml.Replace("count: 1", "count: 2"))] });

        first.Objects.Select(o => (o.Key, o.Action)).Should().Equal(("Namespace/team-a", "created"), ("Job/team-a/web", "created"));
        second.Objects.Select(o => o.Action).Should().Equal("unchanged", "unchanged");
        second.Revision.Should().Be(first.Revision, "an unchanged apply writes nothing");
        third.Objects.Select(o => o.Action).Should().Equal("unchanged", "configured");
    }

    [Fact]
    public async Task A_dry_run_reports_the_changes_and_writes_nothing()
    {
        var before = (await Agent.Http.GetAsync("/v1/jobs")).Index();

        var response = await ApplyAsync(new ApplyRequest { Files = [new ManifestFile("web.yaml", Manifests.Job("web"))], DryRun = true });

        response.DryRun.Should().BeTrue();
        response.Objects.Single().Action.Should().Be("created");
        var after = await Agent.Http.GetAsync("/v1/jobs");
        after.Index().Should().Be(before);
        (await after.JsonAsync())["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task An_invalid_document_is_reported_with_file_line_and_column_and_nothing_is_written()
    {
        var request = new ApplyRequest
        {
            Files = [new ManifestFile("good.yaml", Manifests.Job("good")), new ManifestFile("bad.yaml", Manifests.Job("bad").Replace("driver:", "drivr:"))],
        };

        var response = await Agent.Http.PostAsJsonAsync("/v1/apply", request, ApiJson.Options);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await response.ErrorAsync();
        error["message"]!.GetValue<string>().Should().Contain("nothing was written");
        error["details"]!["errors"]![0]!["text"]!.GetValue<string>().Should().StartWith("bad.yaml:14:").And.Contain("drivr").And.Contain("did you mean driver?");
        (await (await Agent.Http.GetAsync("/v1/jobs")).JsonAsync())["items"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Prune_deletes_objects_applied_earlier_with_the_selector_that_are_gone_from_the_manifests()
    {
        const string labels = "{ app: shop }";
        await ApplyAsync(new ApplyRequest { Files = [new ManifestFile("a.yaml", Manifests.Documents(Manifests.Job("web", labels: labels), Manifests.Job("db", labels: labels)))] });
        await Agent.PutYamlAsync("/v1/jobs/manual", Manifests.Job("manual", labels: labels));

        var response = await ApplyAsync(new ApplyRequest { Files = [new ManifestFile("a.yaml", Manifests.Job("web", labels: labels))], Prune = true, Selector = "app=shop" });

        response.Objects.Select(o => (o.Key, o.Action)).Should().Equal(("Job/default/web", "unchanged"), ("Job/default/db", "pruned"));
        var names = (await (await Agent.Http.GetAsync("/v1/jobs")).JsonAsync())["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>());
        names.Should().BeEquivalentTo(["manual", "web"], "an object never applied carries no last-applied record and is never pruned");
    }

    [Fact]
    public async Task Prune_without_a_selector_is_refused()
    {
        var response = await Agent.Http.PostAsJsonAsync("/v1/apply", new ApplyRequest { Files = [new ManifestFile("a.yaml", Manifests.Job("web"))], Prune = true }, ApiJson.Options);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("selector");
    }

    [Fact]
    public async Task A_raw_yaml_body_is_applied_with_its_options_in_the_query()
    {
        var response = await Agent.ApplyYamlAsync(Manifests.Job("web"), "?dryRun=true");

        var body = await response.Content.ReadFromJsonAsync<ApplyResponse>(ApiJson.Options);
        body!.DryRun.Should().BeTrue();
        body.Objects.Single().Action.Should().Be("created");
    }

    [Fact]
    public async Task Deleting_manifests_removes_their_objects_namespace_last()
    {
        var yaml = Manifests.Documents(Manifests.Namespace("team-a"), Manifests.Job("web", "team-a"));
        await ApplyAsync(new ApplyRequest { Files = [new ManifestFile("app.yaml", yaml)] });

        var response = await Agent.Http.PostAsJsonAsync("/v1/delete", new ApplyRequest { Files = [new ManifestFile("app.yaml", yaml)] }, ApiJson.Options);

        var body = await response.Content.ReadFromJsonAsync<ApplyResponse>(ApiJson.Options);
        body!.Objects.Select(o => (o.Key, o.Action)).Should().Equal(("Job/team-a/web", "deleted"), ("Namespace/team-a", "deleted"));
    }

    [Fact]
    public async Task Deleting_a_namespace_by_manifest_while_other_jobs_live_in_it_is_refused_and_deletes_nothing()
    {
        await ApplyAsync(new ApplyRequest { Files = [new ManifestFile("app.yaml", Manifests.Documents(Manifests.Namespace("team-a"), Manifests.Job("web", "team-a")))] });

        var response = await Agent.Http.PostAsJsonAsync("/v1/delete", new ApplyRequest { Files = [new ManifestFile("ns.yaml", Manifests.Namespace("team-a"))] }, ApiJson.Options);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Agent.Http.GetAsync("/v1/namespaces/team-a")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<ApplyResponse> ApplyAsync(ApplyRequest request)
    {
        var response = await Agent.Http.PostAsJsonAsync("/v1/apply", request, ApiJson.Options);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ApplyResponse>(ApiJson.Options))!;
    }
}
