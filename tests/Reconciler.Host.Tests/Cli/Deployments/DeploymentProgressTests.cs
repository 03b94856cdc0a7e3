using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Deployments;

/// <summary>
/// The live progress of a deployment in plain (redirected) output, through the real <c>recon</c> binary against an agent
/// whose client runs the tasks (exec driver, /bin/sleep). Health is manual, so the test moves the deployment on by
/// marking running allocations healthy, only once the monitor is following.
/// </summary>
public sealed class DeploymentProgressTests : AgentTest
{
    protected override bool RunsClient => true;

    private static string Job(int version) => $"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: web
        spec:
          groups:
            - name: app
              count: 2
              update:
                maxParallel: 1
                stagger: 0s
                minHealthyTime: 0s
                healthCheck: manual
              tasks:
                - name: main
                  driver: exec
                  config:
                    command: /bin/sleep
                    args: ["{version}000"]
                  resources:
                    cpu: 50
                    memoryMB: 32
        """;

    // Marks the job's running allocations of the version healthy as they come, until stopped.
    private async Task HealAsync(long version, CancellationToken stop)
    {
        var marked = new HashSet<string>();
        for (long index = 0; !stop.IsCancellationRequested;)
        {
            ResourceList list;
            try
            {
                list = (await Agent.Http.GetFromJsonAsync<ResourceList>($"/v1/job/web/allocations?index={index}&wait=2s", ApiJson.Options, stop))!;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            index = list.Index;
            var running = list.Items
                .Where(a => a["spec"]!["jobVersion"]!.GetValue<long>() == version && a["spec"]!["desiredStatus"]!.GetValue<string>() == "run"
                    && a["status"]?["clientStatus"]?.GetValue<string>() == "running")
                .Select(a => a["metadata"]!["name"]!.GetValue<string>())
                .Where(marked.Add)
                .ToList();
            if (running.Count == 0) continue;
            using var response = await Agent.Http.PostAsJsonAsync("/v1/deployment/allocation-health", new AllocationHealthRequest(running, null), ApiJson.Options, CancellationToken.None);
            response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        }
    }

    private static void ShouldProgressInOrder(string output, params string[] lines)
    {
        var at = 0;
        foreach (var line in lines)
        {
            var found = output.IndexOf(line, at, StringComparison.Ordinal);
            found.Should().BeGreaterThanOrEqualTo(0, $"'{line}' should follow what came before in:\n{output}");
            at = found + line.Length;
        }
    }

    // Runs the version with `recon job run` and moves its deployment on once the command follows it.
    private async Task<CliRun> RunFollowingAsync(int version)
    {
        await using var run = FollowedCommand.Start(Agent.Environment, "job", "run", Agent.Files.Write("web.yaml", Job(version)));
        await run.WaitForLineAsync($"Monitoring deployment \"web-{version}\"");
        using var stop = new CancellationTokenSource();
        var healing = HealAsync(version, stop.Token);
        var result = await run.ExitAsync();
        await stop.CancelAsync();
        await healing;
        return result;
    }

    [Fact]
    public async Task Job_run_follows_the_deployment_with_a_line_per_change_and_ends_with_its_final_status()
    {
        await SimulatedNodes.AwaitReadyNodeAsync(Agent.Http);

        var result = await RunFollowingAsync(1);

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        ShouldProgressInOrder(result.Output,
            "Evaluation \"web-v1\" finished with status \"complete\"",
            "Monitoring deployment \"web-1\"",
            "web-1: running - Deployment is running",
            "web-1: group app: desired 2, placed ",
            "healthy 0, unhealthy 0, canaries 0",
            "web-1: group app: desired 2, placed 2, healthy 2, unhealthy 0, canaries 0",
            "web-1: successful - Deployment completed successfully");
        result.Output.Should().MatchRegex(@"Status\s+=\s+successful").And.MatchRegex(@"Description\s+=\s+Deployment completed successfully")
            .And.MatchRegex(@"app\s+N/A\s+2\s+0\s+2\s+2\s+0");
    }

    [Fact]
    public async Task Deployment_status_monitor_prints_each_groups_progress_until_the_rolling_update_succeeds()
    {
        await SimulatedNodes.AwaitReadyNodeAsync(Agent.Http);
        var first = await RunFollowingAsync(1);
        first.ExitCode.Should().Be(0, first.Output + first.Error);
        var update = await Agent.CliAsync("job", "run", "-detach", Agent.Files.Write("web.yaml", Job(2)));
        update.ExitCode.Should().Be(0, update.Error);
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Any(v => v["spec"]!["jobVersion"]!.GetValue<long>() == 2));

        await using var monitor = FollowedCommand.Start(Agent.Environment, "deployment", "status", "-monitor", "web-2");
        await monitor.WaitForLineAsync("web-2: running - Deployment is running");
        using var stop = new CancellationTokenSource();
        var healing = HealAsync(2, stop.Token);
        var result = await monitor.ExitAsync();
        await stop.CancelAsync();
        await healing;

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        ShouldProgressInOrder(result.Output,
            "web-2: running - Deployment is running",
            "web-2: group app: desired 2, placed ",
            "healthy 0, unhealthy 0, canaries 0",
            "web-2: group app: desired 2, placed 2, healthy 2, unhealthy 0, canaries 0",
            "web-2: successful - Deployment completed successfully",
            "Status",
            "Deployed");
        var groupLines = result.Output.Split('\n').Select(l => l.IndexOf("web-2: group app", StringComparison.Ordinal) is var at and >= 0 ? l[at..] : null).OfType<string>().ToList();
        groupLines.Should().HaveCountGreaterThan(1).And.OnlyHaveUniqueItems("a line is printed only when a group's figures change");
    }
}
