using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Deployments;

// The simulated nodes run nothing, so health is manual (update.healthCheck: manual) and set through the API as an operator would.
public sealed class DeploymentCommandTests : AgentTest
{
    private static string Job(string command, int count = 2, int canary = 1) => $"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: web
        spec:
          datacenters: [dc1]
          groups:
            - name: app
              count: {count}
              update:
                canary: {canary}
                maxParallel: 1
                stagger: 1s
                healthCheck: manual
              tasks:
                - name: main
                  driver: exec
                  config:
                    command: {command}
        """;

    private async Task RunAsync(string manifest)
    {
        var run = await Agent.CliAsync("job", "run", "-detach", Agent.Files.Write("web.yaml", manifest));
        run.ExitCode.Should().Be(0, run.Error);
    }

    private async Task<IReadOnlyList<JsonObject>> VersionAsync(long version, int count) =>
        [.. (await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count(v => Version(v) == version) >= count)).Where(a => Version(a) == version)];

    private static long Version(JsonObject allocation) => allocation["spec"]!["jobVersion"]!.GetValue<long>();

    // The deployment controller counts the health an operator set asynchronously; promotion checks that count.
    private async Task AwaitCanaryCountedHealthyAsync(string deployment)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var body = await Agent.Http.GetFromJsonAsync<JsonObject>($"/v1/deployments/{deployment}?namespace=default");
            if (body?["status"]?["groups"]?["app"]?["healthy"]?.GetValue<int>() >= 1) return;
            DateTime.UtcNow.Should().BeBefore(deadline, "the deployment should count the canary healthy");
            await Task.Delay(50);
        }
    }

    private async Task MarkHealthyAsync(IEnumerable<JsonObject> allocations)
    {
        var ids = allocations.Select(a => a["metadata"]!["name"]!.GetValue<string>()).ToList();
        using var response = await Agent.Http.PostAsJsonAsync("/v1/deployment/allocation-health", new AllocationHealthRequest(ids, null), ApiJson.Options);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_update_with_a_canary_waits_for_promotion_and_proceeds_once_promoted()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        await RunAsync(Job("/bin/true"));
        await VersionAsync(1, 2);
        await RunAsync(Job("/bin/false"));
        var canary = await VersionAsync(2, 1);

        var list = await Agent.CliAsync("deployment", "list");
        var status = await Agent.CliAsync("deployment", "status", "web-2");
        var early = await Agent.CliAsync("job", "promote", "web");
        await MarkHealthyAsync(canary);
        await AwaitCanaryCountedHealthyAsync("web-2");
        var promote = await Agent.CliAsync("job", "promote", "web");
        var after = await Agent.CliAsync("deployment", "status", "web-2");
        var job = await Agent.CliAsync("job", "status", "web");

        list.ExitCode.Should().Be(0, list.Error);
        list.Output.Should().Contain("web-2").And.Contain("requires manual promotion");
        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().Contain("Deployment is running but requires manual promotion")
            .And.MatchRegex(@"app\s+false\s+2\s+1\s");
        early.ExitCode.Should().NotBe(0);
        early.Error.Should().Contain("0 healthy of 1 canaries").And.NotContain("\n   at");
        promote.ExitCode.Should().Be(0, promote.Error);
        promote.Output.Should().Contain("Deployment \"web-2\" promoted");
        after.Output.Should().Contain("Deployment is running").And.NotContain("requires manual promotion").And.MatchRegex(@"app\s+true\s+2\s+1\s+1\s+1");
        job.Output.Should().Contain("Latest Deployment").And.Contain("web-2").And.Contain("Progress Deadline");
    }

    [Fact]
    public async Task Pause_resume_and_fail_change_the_deployment_status()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        await RunAsync(Job("/bin/true", canary: 0));
        await VersionAsync(1, 2);

        var pause = await Agent.CliAsync("deployment", "pause", "web-1");
        var paused = await Agent.CliAsync("deployment", "status", "-o", "json", "web");
        var resume = await Agent.CliAsync("deployment", "resume", "web-1");
        var fail = await Agent.CliAsync("deployment", "fail", "web-1");
        var monitor = await Agent.CliAsync("deployment", "status", "-monitor", "web-1");
        var again = await Agent.CliAsync("deployment", "resume", "web-1");

        pause.ExitCode.Should().Be(0, pause.Error);
        pause.Output.Should().Contain("Deployment \"web-1\" paused: Deployment is paused");
        paused.Output.Should().Contain("\"state\": \"paused\"");
        resume.Output.Should().Contain("running: Deployment is running");
        fail.Output.Should().Contain("failed: Deployment marked as failed");
        monitor.ExitCode.Should().Be(1);
        monitor.Output.Should().Contain("web-1: failed").And.MatchRegex(@"Status\s+=\s+failed");
        again.ExitCode.Should().NotBe(0);
        again.Error.Should().Contain("is failed");
    }

    [Fact]
    public async Task An_unknown_deployment_is_a_one_line_error()
    {
        var status = await Agent.CliAsync("deployment", "status", "nope");
        var promote = await Agent.CliAsync("deployment", "promote", "nope");

        status.ExitCode.Should().Be(1);
        status.Error.Trim().Should().Be("Error: No deployment 'nope' in namespace default; list deployments with `recon deployment list` (or pass -n NAMESPACE).");
        promote.ExitCode.Should().Be(1);
        promote.Error.Trim().Should().NotContain("\n");
    }

    [Fact]
    public async Task History_lists_the_versions_with_their_diff_and_revert_registers_the_old_spec_as_a_new_version()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        await RunAsync(Job("/bin/true", canary: 0));
        await VersionAsync(1, 2);
        await RunAsync(Job("/bin/false", canary: 0));
        await SimulatedNodes.AwaitJobAsync(Agent.Http, "web", j => j["metadata"]!["generation"]!.GetValue<long>() == 2);

        var history = await Agent.CliAsync("job", "history", "-p", "web");
        var revert = await Agent.CliAsync("job", "revert", "web", "1");
        var stale = await Agent.CliAsync("job", "revert", "-check-index", "2", "web", "2");
        var job = await Agent.Http.GetFromJsonAsync<JsonObject>("/v1/jobs/web", ApiJson.Options);
        var after = await Agent.CliAsync("job", "history", "web");
        var again = await Agent.Http.PostAsJsonAsync("/v1/job/web/revert", new { version = 2 }, ApiJson.Options);
        var answer = await again.Content.ReadFromJsonAsync<JsonObject>(ApiJson.Options);

        history.ExitCode.Should().Be(0, history.Error);
        history.Output.Should().MatchRegex(@"Version\s+=\s+2").And.MatchRegex(@"Version\s+=\s+1")
            .And.Contain("~ spec.groups[app].tasks[main].config.command: \"/bin/true\" => \"/bin/false\"");
        revert.ExitCode.Should().Be(0, revert.Error);
        revert.Output.Should().Contain("reverted to version 1; it is now version 3");
        stale.ExitCode.Should().NotBe(0);
        stale.Error.Should().Contain("is at version 3, not 2");
        job!["metadata"]!["generation"]!.GetValue<long>().Should().Be(3);
        job["spec"]!["groups"]![0]!["tasks"]![0]!["config"]!["command"]!.GetValue<string>().Should().Be("/bin/true");
        after.Output.Should().MatchRegex(@"Version\s+=\s+3");
        again.IsSuccessStatusCode.Should().BeTrue(answer?.ToJsonString());
        answer!["jobVersion"]!.GetValue<long>().Should().Be(4);
        answer["jobModifyIndex"]!.GetValue<long>().Should().Be(4, "the index job run -check-index takes is the job's version");
    }
}
