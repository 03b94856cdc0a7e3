using System.Net;
using System.Net.Http.Json;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Api.Acl;

public sealed class AclEnforcementTests : AgentTest
{
    private const string ReadDefault = "namespaces:\n  - name: default\n    policy: read";

    protected override bool EnforcesAcls => true;

    [Fact]
    public async Task An_anonymous_request_is_refused_with_the_capability_and_namespace_it_lacks()
    {
        using var response = await Agent.Http.GetAsync("/v1/jobs");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var error = await response.ErrorAsync();
        error["code"]!.GetValue<string>().Should().Be("permission_denied");
        error["message"]!.GetValue<string>().Should().Contain("list-jobs on namespace default").And.Contain("anonymous");
    }

    [Fact]
    public async Task Bootstrap_answers_a_management_secret_once_and_then_409()
    {
        var secret = await Agent.BootstrapAsync();
        using var again = await Agent.Http.PostAsync("/v1/acl/bootstrap", null);
        using var withIt = await Agent.SendAsync(HttpMethod.Get, "/v1/jobs", secret);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("ACL bootstrap already done");
        withIt.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_read_only_token_can_show_jobs_but_not_run_one_and_nothing_is_written()
    {
        var management = await Agent.BootstrapAsync();
        (await Agent.CliAsync("apply", "-f", Agent.Files.Write("web.yaml", Manifests.Job("web")), "-token", management)).ExitCode.Should().Be(0);
        var reader = await Agent.TokenWithPolicyAsync(management, "readonly", ReadDefault);
        var api = Agent.Files.Write("api.yaml", Manifests.Job("api"));

        var status = await Agent.CliAsync("job", "status", "-token", reader);
        var run = await Agent.CliAsync("job", "run", "-detach", api, "-token", reader);
        var apply = await Agent.CliAsync("apply", "-f", api, "-token", reader);
        var jobs = await Agent.CliAsync("get", "jobs", "-o", "json", "-token", management);

        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().Contain("web");
        run.ExitCode.Should().NotBe(0);
        run.Error.Should().Contain("submit-job on namespace default").And.NotContain(reader);
        apply.ExitCode.Should().NotBe(0);
        apply.Error.Should().Contain("submit-job on namespace default").And.Contain("Nothing was written");
        jobs.Output.Should().Contain("\"web\"").And.NotContain("\"api\"");
    }

    [Fact]
    public async Task A_token_for_namespace_dev_does_not_see_jobs_in_default()
    {
        var management = await Agent.BootstrapAsync();
        var manifests = Agent.Files.Write("jobs.yaml", Manifests.Documents(Manifests.Namespace("dev"), Manifests.Job("in-dev", ns: "dev"), Manifests.Job("in-default")));
        (await Agent.CliAsync("apply", "-f", manifests, "-token", management)).ExitCode.Should().Be(0);
        var dev = await Agent.TokenWithPolicyAsync(management, "dev-writer", "namespaces:\n  - name: dev\n    policy: write");

        var everywhere = await Agent.CliAsync("job", "status", "-n", "*", "-token", dev);
        var inDefault = await Agent.CliAsync("job", "status", "-token", dev);
        using var byName = await Agent.SendAsync(HttpMethod.Get, "/v1/jobs/in-default", dev);

        everywhere.ExitCode.Should().Be(0, everywhere.Error);
        everywhere.Output.Should().Contain("in-dev").And.NotContain("in-default");
        inDefault.ExitCode.Should().NotBe(0);
        inDefault.Error.Should().Contain("list-jobs on namespace default");
        byName.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_event_stream_sends_only_the_events_of_objects_the_token_may_list()
    {
        var management = await Agent.BootstrapAsync();
        (await Agent.CliAsync("apply", "-f", Agent.Files.Write("dev.yaml", Manifests.Namespace("dev")), "-token", management)).ExitCode.Should().Be(0);
        var dev = await Agent.TokenWithPolicyAsync(management, "dev-reader", "namespaces:\n  - name: dev\n    policy: read");
        var index = (await Agent.SendAsync(HttpMethod.Get, "/v1/jobs", management)).Index();
        var manifests = Agent.Files.Write("jobs.yaml", Manifests.Documents(Manifests.Job("in-default"), Manifests.Job("in-dev", ns: "dev")));
        (await Agent.CliAsync("apply", "-f", manifests, "-token", management)).ExitCode.Should().Be(0);
        (await Agent.CliAsync("apply", "-f", Agent.Files.Write("last.yaml", Manifests.Job("last", ns: "dev")), "-token", management)).ExitCode.Should().Be(0);

        using var stream = await Agent.SendAsync(HttpMethod.Get, $"/v1/event/stream?index={index}&kind=Job", dev, completion: HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        var keys = new List<string>();
        while (keys.LastOrDefault() != "Job/dev/last")
            keys.Add(System.Text.Json.Nodes.JsonNode.Parse((await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)))!)!["key"]!.GetValue<string>());

        stream.StatusCode.Should().Be(HttpStatusCode.OK);
        keys.Should().Contain("Job/dev/in-dev").And.OnlyContain(k => k.StartsWith("Job/dev/", StringComparison.Ordinal), "the token may list jobs in dev only");
    }

    [Fact]
    public async Task A_deleted_token_stops_working_at_once()
    {
        var management = await Agent.BootstrapAsync();
        var reader = await Agent.TokenWithPolicyAsync(management, "readonly", ReadDefault);
        using var self = await Agent.SendAsync(HttpMethod.Get, "/v1/acl/token/self", reader);
        var accessor = (await self.Content.ReadFromJsonAsync<AclTokenView>(ApiJson.Options))!.AccessorId;

        using var before = await Agent.SendAsync(HttpMethod.Get, "/v1/jobs", reader);
        var delete = await Agent.CliAsync("acl", "token", "delete", accessor, "-token", management);
        using var after = await Agent.SendAsync(HttpMethod.Get, "/v1/jobs", reader);

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        delete.ExitCode.Should().Be(0, delete.Error);
        after.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await after.ErrorAsync())["message"]!.GetValue<string>().Should().StartWith("ACL token not found");
    }

    [Fact]
    public async Task An_unknown_token_is_refused_without_being_echoed()
    {
        using var response = await Agent.SendAsync(HttpMethod.Get, "/v1/jobs", "00000000-guess-token");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var message = (await response.ErrorAsync())["message"]!.GetValue<string>();
        message.Should().StartWith("ACL token not found").And.NotContain("guess-token");
    }

    [Fact]
    public async Task Anonymous_requests_get_the_anonymous_policy_when_there_is_one()
    {
        var management = await Agent.BootstrapAsync();
        await Agent.TokenWithPolicyAsync(management, "anonymous", ReadDefault);

        using var list = await Agent.Http.GetAsync("/v1/jobs");
        using var write = await Agent.PutYamlAsync("/v1/jobs/web", Manifests.Job("web"));

        list.StatusCode.Should().Be(HttpStatusCode.OK);
        write.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Acl_routes_need_a_management_token()
    {
        var management = await Agent.BootstrapAsync();
        var reader = await Agent.TokenWithPolicyAsync(management, "readonly", ReadDefault);

        using var asReader = await Agent.SendAsync(HttpMethod.Get, "/v1/acl/tokens", reader);
        using var generic = await Agent.SendAsync(HttpMethod.Get, "/v1/acltokens", reader);

        asReader.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await asReader.ErrorAsync())["message"]!.GetValue<string>().Should().Contain("a management token");
        generic.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
