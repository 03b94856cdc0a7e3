using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Jobs;

/// <summary>
/// The tutorial's job workflow through the real <c>recon</c> binary against a real <c>recon agent -dev</c> child process,
/// as far as it goes without a client running tasks: a simulated node (registered over the node API) takes the
/// placements; logs and exec need the client and are not here.
/// </summary>
public sealed class TutorialSequenceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Init_plan_run_status_inspect_scale_eval_and_stop_work_as_the_tutorial_writes_them()
    {
        await using var agent = await AgentProcess.StartAsync(new Dictionary<string, string>(), "-dev", "-http-port", "0");
        using var http = new HttpClient { BaseAddress = agent.Address };
        var env = new Dictionary<string, string> { ["RECON_ADDR"] = agent.Address.ToString(), ["RECON_CONFIG_DIR"] = _dir.Path };
        Task<CliRun> Recon(params string[] args) => ReconProcess.RunInAsync(_dir.Path, env, args);
        await SimulatedNodes.RegisterAsync(http, "node-1");

        var init = await Recon("init");
        var emptyStatus = await Recon("job", "status");
        var plan = await Recon("job", "plan", "example.yaml");
        var run = await Recon("job", "run", "-check-index", "0", "-start-timeout", "1s", "example.yaml");
        var status = await Recon("job", "status", "example");
        var inspect = await Recon("inspect", "example");
        var scaleUp = await Recon("job", "scale", "example", "6");
        await SimulatedNodes.AwaitAllocationsAsync(http, "example", a => a.Count == 6);
        var scaleDown = await Recon("job", "scale", "example", "1");
        await SimulatedNodes.AwaitAllocationsAsync(http, "example", a => a.Count == 1);
        var eval = await Recon("job", "eval", "example");
        var stop = await Recon("stop", "example");
        await SimulatedNodes.AwaitGoneAsync(http, "/v1/jobs/example");
        var afterStop = await Recon("job", "status", "example");

        init.ExitCode.Should().Be(0, init.Error);
        emptyStatus.Output.Should().Contain("No running jobs");
        plan.ExitCode.Should().Be(1, plan.Error);
        plan.Output.Should().Contain("+ Task Group: \"web\" (1 create)").And.Contain("Job Modify Index: 0").And.Contain("recon job run -check-index 0 example.yaml");
        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Contain("created: node \"node-1\", group \"web\"");
        status.Output.Should().MatchRegex(@"[0-9a-f]{8}\s+node-1\s+web\s+1\s+run\s+pending");
        inspect.Output.Should().Contain("name: example");
        scaleUp.ExitCode.Should().Be(0, scaleUp.Error);
        scaleDown.ExitCode.Should().Be(0, scaleDown.Error);
        eval.Output.Should().Contain("Created evaluation");
        stop.ExitCode.Should().Be(0, stop.Error);
        afterStop.ExitCode.Should().Be(1);
        afterStop.Error.Should().Contain("No job 'example'").And.NotContain("   at ");
    }

    public void Dispose() => _dir.Dispose();
}
