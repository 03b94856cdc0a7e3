using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Jobs;

public sealed class NodeCommandTests : AgentTest
{
    [Fact]
    public async Task Status_lists_the_nodes_with_their_running_allocations_and_shows_one_with_its_allocations()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        await Agent.CliAsync("job", "run", "-detach", Agent.Files.Write("web.yaml", Manifests.Job("web", count: 2)));
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 2);

        var list = await Agent.CliAsync("node", "status", "-allocs");
        var one = await Agent.CliAsync("node", "status", "node-1");

        list.Output.Should().MatchRegex(@"node-1\s+<none>\s+false\s+eligible\s+ready\s+2");
        one.Output.Should().MatchRegex(@"Status\s+=\s+ready").And.MatchRegex(@"[0-9a-f]{8}\s+web\s+app\s+1\s+run\s+pending");
    }

    [Fact]
    public async Task Drain_enable_makes_the_node_ineligible_with_the_deadline_and_disable_undoes_it()
    {
        // The node holds an allocation that has nowhere else to go, so the drain stays in progress
        // until it is disabled (a drain of an empty node completes at once, as in Nomad).
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");
        await Agent.CliAsync("job", "run", "-detach", Agent.Files.Write("web.yaml", Manifests.Job("web", count: 1)));
        await SimulatedNodes.AwaitAllocationsAsync(Agent.Http, "web", a => a.Count == 1);

        var enable = await Agent.CliAsync("node", "drain", "-enable", "-deadline", "30m", "node-1");
        var draining = await Agent.CliAsync("node", "status", "node-1");
        var disable = await Agent.CliAsync("node", "drain", "-disable", "node-1");
        var after = await Agent.CliAsync("node", "status", "node-1");

        enable.ExitCode.Should().Be(0, enable.Error);
        enable.Output.Should().Contain("drain strategy set; eligibility ineligible");
        draining.Output.Should().MatchRegex(@"Eligibility\s+=\s+ineligible").And.MatchRegex(@"Drain\s+=\s+true; deadline 30m");
        disable.ExitCode.Should().Be(0, disable.Error);
        after.Output.Should().MatchRegex(@"Eligibility\s+=\s+eligible").And.MatchRegex(@"Drain\s+=\s+false");
    }

    [Fact]
    public async Task An_ineligible_node_gets_no_new_allocations()
    {
        await SimulatedNodes.RegisterAsync(Agent.Http, "node-1");

        var off = await Agent.CliAsync("node", "eligibility", "-disable", "node-1");
        var plan = await Agent.CliAsync("job", "plan", Agent.Files.Write("web.yaml", Manifests.Job("web")));
        var on = await Agent.CliAsync("node", "eligibility", "-enable", "node-1");

        off.Output.Should().Contain("scheduling eligibility set: ineligible");
        plan.Output.Should().Contain("Failed to place all allocations");
        on.Output.Should().Contain("scheduling eligibility set: eligible");
    }

    [Fact]
    public async Task Drain_needs_exactly_one_of_enable_or_disable_and_an_unknown_node_is_named()
    {
        var neither = await Agent.CliAsync("node", "drain", "node-1");
        var unknown = await Agent.CliAsync("node", "eligibility", "-enable", "node-9");

        neither.ExitCode.Should().Be(1);
        neither.Error.Should().Contain("Pass exactly one of -enable or -disable");
        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().Contain("Node 'node-9' not found");
    }
}
