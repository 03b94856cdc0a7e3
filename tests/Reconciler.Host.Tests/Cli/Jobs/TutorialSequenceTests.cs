using Reconciler.Host.Tests.Fixtures;

namespace Reconciler.Host.Tests.Cli.Jobs;

/// <summary>
/// The tutorial's job workflow through the real <c>recon</c> binary against a real <c>recon agent -dev</c> child process,
/// whose client runs the example (busybox httpd through the exec driver) on this machine.
/// </summary>
public sealed class TutorialSequenceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Init_plan_run_status_inspect_exec_scale_eval_and_stop_work_as_the_tutorial_writes_them()
    {
        await using var agent = await AgentProcess.StartAsync(new Dictionary<string, string>(), "-dev", "-http-port", "0");
        using var http = new HttpClient { BaseAddress = agent.Address };
        var env = new Dictionary<string, string> { ["RECON_ADDR"] = agent.Address.ToString(), ["RECON_CONFIG_DIR"] = _dir.Path };
        Task<CliRun> Recon(params string[] args) => ReconProcess.RunInAsync(_dir.Path, env, args);
        await SimulatedNodes.AwaitReadyNodeAsync(http);

        var init = await Recon("init");
        var emptyStatus = await Recon("job", "status");
        var plan = await Recon("job", "plan", "example.yaml");
        var run = await Recon("job", "run", "-check-index", "0", "example.yaml");
        var status = await Recon("job", "status", "example");
        var inspect = await Recon("inspect", "example");
        var alloc = await Recon("alloc", "status", "example");
        var exec = await Recon("alloc", "exec", "example", "cat", "/etc/resolv.conf");
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
        run.Output.Should().Contain("group \"web\"").And.Contain("All 1 allocation(s) of version 1 are running");
        status.Output.Should().MatchRegex(@"[0-9a-f]{8}\s+\S+\s+web\s+1\s+run\s+running");
        alloc.Output.Should().MatchRegex(@"Client Status\s+=\s+running");
        exec.ExitCode.Should().Be(0, exec.Error);
        exec.Output.Should().Be(File.ReadAllText("/etc/resolv.conf"));
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
