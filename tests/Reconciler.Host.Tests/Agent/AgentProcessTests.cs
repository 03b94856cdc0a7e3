using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Agent;

/// <summary>The real binaries: <c>recon agent -dev</c> as a child process, driven by the real <c>recon</c> CLI.</summary>
public sealed class AgentProcessTests : IDisposable
{
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task A_dev_agent_serves_the_cli_saves_and_restores_snapshots_and_on_sigterm_stops_its_tasks_and_removes_its_state()
    {
        await using var agent = await AgentProcess.StartAsync(new Dictionary<string, string>(), "-dev", "-http-port", "0");
        var env = new Dictionary<string, string> { ["RECON_ADDR"] = agent.Address.ToString(), ["RECON_CONFIG_DIR"] = _files.Path };
        var snap = Path.Combine(_files.Path, "disco.snap");
        var dataDir = agent.Output.Split('\n').Single(l => l.Contains("State:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        var apply = await ReconProcess.RunAsync(env, "apply", "-f", RepositoryRoot.Combine("manifests", "examples"));
        var save = await ReconProcess.RunAsync(env, "operator", "snapshot", "save", snap);
        var inspect = await ReconProcess.RunAsync(env, "operator", "snapshot", "inspect", snap);
        var delete = await ReconProcess.RunAsync(env, "delete", "-f", RepositoryRoot.Combine("manifests", "examples", "web.yaml"));
        var restore = await ReconProcess.RunAsync(env, "operator", "snapshot", "restore", snap);
        var jobs = await ReconProcess.RunAsync(env, "get", "jobs");
        Directory.Exists(dataDir).Should().BeTrue("the agent keeps its state there while it runs");
        // The dev agent's client runs the examples' tasks (redis-server among them); its state is thrown away on exit, so
        // it stops them on SIGTERM rather than leave them behind.
        using (var http = new HttpClient { BaseAddress = agent.Address })
            await SimulatedNodes.AwaitAllocationsAsync(http, "redis", a => a.Any(x => x["status"]?["clientStatus"]?.GetValue<string>() == "running"));
        var tasks = ProcessTree.DescendantsOf(agent.Id);
        var exitCode = await agent.TerminateAsync();

        apply.ExitCode.Should().Be(0, apply.Error);
        apply.Output.Should().Contain("job/web created");
        save.ExitCode.Should().Be(0, save.Error);
        inspect.Output.Should().MatchRegex("Job +4");
        // The scheduler stops a job's allocations before the job goes away, so a delete starts it terminating.
        delete.Output.Should().Contain("job/web terminating");
        restore.ExitCode.Should().Be(0, restore.Error);
        jobs.Output.Should().Contain("web");
        exitCode.Should().Be(0);
        tasks.Should().Contain(t => t.Command.Contains("redis-server", StringComparison.Ordinal));
        tasks.Where(t => ProcessTree.IsAlive(t.Pid)).Should().BeEmpty("a dev agent stops its tasks when it stops");
        agent.Output.Should().Contain("==> Shutting down");
        Directory.Exists(dataDir).Should().BeFalse("-dev removes its temporary state on exit");
    }

    [Fact]
    public async Task The_real_cli_without_an_agent_prints_one_line_and_fails()
    {
        var env = new Dictionary<string, string> { ["RECON_ADDR"] = "http://127.0.0.1:1", ["RECON_CONFIG_DIR"] = _files.Path };

        var run = await ReconProcess.RunAsync(env, "get", "jobs");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("Error: cannot reach the agent at http://127.0.0.1:1: connection refused — start one with `recon agent -dev` or set RECON_ADDR\n");
        run.Output.Should().BeEmpty();
    }

    public void Dispose() => _files.Dispose();
}
