using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Jobs;

public sealed class AllocCommandTests : AgentTest
{
    private async Task<IReadOnlyList<string>> PlacedAsync(int count)
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        (await Agent.CliAsync("job", "run", "-detach", Agent.Files.Write("web.yaml", Manifests.Job("web", count: count)))).ExitCode.Should().Be(0);
        var allocations = await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == count);
        return [.. allocations.Select(a => a["metadata"]!["name"]!.GetValue<string>())];
    }

    [Fact]
    public async Task Status_finds_an_allocation_by_a_prefix_of_its_id()
    {
        var id = (await PlacedAsync(1))[0];

        var status = await Agent.CliAsync("alloc", "status", id[..6]);

        status.ExitCode.Should().Be(0, status.Error);
        status.Output.Should().MatchRegex($@"ID\s+=\s+{id}").And.MatchRegex(@"Name\s+=\s+web\.app\[0\]").And.MatchRegex(@"Node\s+=\s+node-1")
            .And.MatchRegex(@"Client Status\s+=\s+pending");
    }

    [Fact]
    public async Task Status_takes_a_job_name_for_one_of_its_allocations()
    {
        var ids = await PlacedAsync(2);

        var status = await Agent.CliAsync("alloc", "status", "web", "-o", "json");

        status.ExitCode.Should().Be(0, status.Error);
        ids.Should().Contain(id => status.Output.Contains($"\"name\": \"{id}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ambiguous_prefix_is_an_error_listing_the_candidates()
    {
        // 17 ids over 16 hex digits: at least two share their first character.
        var ids = await PlacedAsync(17);
        var shared = ids.GroupBy(id => id[0]).First(g => g.Count() > 1);

        var status = await Agent.CliAsync("alloc", "status", shared.Key.ToString());

        status.ExitCode.Should().Be(1);
        status.Error.Should().Contain($"prefix '{shared.Key}' is ambiguous").And.Contain(shared.First()).And.Contain(shared.Last());
    }

    [Fact]
    public async Task An_unknown_allocation_is_a_one_line_error()
    {
        var status = await Agent.CliAsync("alloc", "status", "zzzz");

        status.ExitCode.Should().Be(1);
        status.Error.Trim().Should().StartWith("Error: No allocation or job 'zzzz' in namespace default").And.NotContain("\n");
    }

    [Fact]
    public async Task Stop_marks_the_allocation_stopped_and_the_scheduler_places_a_replacement()
    {
        var id = (await PlacedAsync(1))[0];

        var stop = await Agent.CliAsync("alloc", "stop", id[..8]);
        var replaced = await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 1 && a[0]["metadata"]!["name"]!.GetValue<string>() != id);
        var old = await Agent.CliAsync("alloc", "status", id);

        stop.ExitCode.Should().Be(0, stop.Error);
        stop.Output.Should().Contain("(web.app[0]) stopped").And.Contain("Evaluation ID: web-");
        replaced.Should().ContainSingle();
        old.Output.Should().MatchRegex(@"Desired Status\s+=\s+stop").And.Contain("stopped by an operator");
    }

    [Fact]
    public async Task Restart_of_an_allocation_on_a_node_without_a_reachable_client_says_why_it_cannot()
    {
        await PlacedAsync(1);

        var restart = await Agent.CliAsync("alloc", "restart", "web");

        restart.ExitCode.Should().Be(1);
        restart.Error.Should().Contain("advertises no HTTP address");
    }
}
