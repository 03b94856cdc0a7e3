using System.Net.Http.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using Reconciler.Drivers.Docker;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Tests.Shared;

namespace Reconciler.Host.Tests.Cli.Jobs;

/// <summary>
/// The tutorial's job workflow through the real <c>recon</c> binary against a real <c>recon agent -dev</c> child process,
/// whose client runs the jobs on this machine: the example (busybox httpd through the exec driver) and a docker job
/// (busybox httpd in a container of the local image recon-test/busybox:1, checked through the Docker engine itself).
/// </summary>
public sealed class TutorialSequenceTests : IAsyncLifetime
{
    private const string DockerJob = """
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: web-docker
        spec:
          type: service
          datacenters: ["*"]
          groups:
            - name: web
              count: 1
              network:
                ports:
                  - label: http
                    to: 8080
              tasks:
                - name: httpd
                  driver: docker
                  config:
                    image: recon-test/busybox:1
                    command: /bin/sh
                    args: ["-c", "echo httpd-in-docker; exec httpd -f -p 8080 -h /etc"]
                    ports: [http]
                  resources:
                    cpu: 100
                    memoryMB: 64
        """;

    private readonly TempDirectory _dir = new();
    private AgentProcess? _agent;
    private HttpClient _http = null!;
    private Dictionary<string, string> _env = null!;

    public async Task InitializeAsync()
    {
        _agent = await AgentProcess.StartAsync(new Dictionary<string, string>(), "-dev", "-http-port", "0");
        _http = new HttpClient { BaseAddress = _agent.Address };
        _env = new Dictionary<string, string> { ["RECON_ADDR"] = _agent.Address.ToString(), ["RECON_CONFIG_DIR"] = _dir.Path };
        await SimulatedNodes.AwaitReadyNodeAsync(_http);
    }

    private Task<CliRun> Recon(params string[] args) => ReconProcess.RunInAsync(_dir.Path, _env, args);

    [Fact]
    public async Task Init_plan_run_status_inspect_exec_scale_eval_stop_rerun_and_purge_work_as_the_tutorial_writes_them()
    {
        var init = await Recon("init");
        var emptyStatus = await Recon("job", "status");
        var plan = await Recon("job", "plan", "example.yaml");
        var run = await Recon("job", "run", "-check-index", "0", "example.yaml");
        var status = await Recon("job", "status", "example");
        var inspect = await Recon("inspect", "example");
        var alloc = await Recon("alloc", "status", "example");
        var exec = await Recon("alloc", "exec", "example", "cat", "/etc/resolv.conf");
        var scaleUp = await Recon("job", "scale", "example", "6");
        await SimulatedNodes.AwaitAllocationsAsync(_http, "example", a => a.Count == 6);
        var scaleDown = await Recon("job", "scale", "example", "1");
        await SimulatedNodes.AwaitAllocationsAsync(_http, "example", a => a.Count == 1);
        var eval = await Recon("job", "eval", "example");
        var httpd = TaskProcesses("httpd");
        var stop = await Recon("stop", "example");
        await SimulatedNodes.AwaitNoneRunningAsync(_http);
        var stoppedStatus = await Recon("job", "status", "example");
        var rerun = await Recon("job", "run", "example.yaml");
        var purge = await Recon("job", "stop", "-purge", "example");
        await SimulatedNodes.AwaitGoneAsync(_http, "/v1/jobs/example");
        var afterPurge = await Recon("job", "status", "example");

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
        httpd.Should().NotBeEmpty("the example's busybox httpd runs under the agent");
        stop.ExitCode.Should().Be(0, stop.Error);
        httpd.Where(p => ProcessTree.IsAlive(p.Pid)).Should().BeEmpty("stopping the job stops its tasks");
        stoppedStatus.Output.Should().MatchRegex(@"Status\s+=\s+dead \(stopped\)").And.MatchRegex(@"\s+web\s+\d+\s+stop\s+complete");
        rerun.ExitCode.Should().Be(0, rerun.Error);
        rerun.Output.Should().MatchRegex(@"All 1 allocation\(s\) of version \d+ are running");
        purge.ExitCode.Should().Be(0, purge.Error);
        afterPurge.ExitCode.Should().Be(1);
        afterPurge.Error.Should().Contain("No job 'example'").And.NotContain("   at ");
    }

    [DockerFact]
    public async Task A_docker_job_runs_a_real_container_that_exec_and_logs_reach_and_stop_removes()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "web-docker.yaml"), DockerJob);
        using var docker = new DockerClientConfiguration().CreateClient();
        (await NodeDriverHealthyAsync("docker")).Should().BeTrue("the dev agent enables the docker driver when the engine answers");

        var run = await Recon("job", "run", "web-docker.yaml");
        run.ExitCode.Should().Be(0, run.Error + run.Output + _agent!.Output);
        var containers = await ContainersOfAsync(docker, "web-docker");
        var inspected = containers.Count == 1 ? await docker.Containers.InspectContainerAsync(containers[0].ID) : null;
        var exec = await Recon("alloc", "exec", "web-docker", "cat", "/etc/recon-version");
        var logs = await LogsWhenAsync("web-docker", "httpd-in-docker");
        var stop = await Recon("job", "stop", "web-docker");
        await SimulatedNodes.AwaitNoneRunningAsync(_http);
        var afterStop = await ContainersOfAsync(docker, "web-docker");

        run.Output.Should().Contain("All 1 allocation(s) of version 1 are running");
        containers.Should().ContainSingle("the allocation runs in one container").Which.Image.Should().Be("recon-test/busybox:1");
        inspected!.State.Running.Should().BeTrue();
        inspected.Config.Labels.Should().ContainKey(ContainerLabels.AllocationId);
        exec.ExitCode.Should().Be(0, exec.Error);
        exec.Output.Should().Be("1\n", "exec runs inside the container of image version 1");
        logs.Output.Should().Contain("httpd-in-docker");
        stop.ExitCode.Should().Be(0, stop.Error);
        afterStop.Should().BeEmpty("stopping the job removes its container");
    }

    private async Task<bool> NodeDriverHealthyAsync(string driver)
    {
        var nodes = (await _http.GetFromJsonAsync<ResourceList>("/v1/nodes", ApiJson.Options))!;
        return nodes.Items.Any(n => n["spec"]?["drivers"]?[driver]?["healthy"]?.GetValue<bool>() == true);
    }

    private static async Task<IList<ContainerListResponse>> ContainersOfAsync(DockerClient docker, string job) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Job}={job}"] = true } },
        });

    // The task writes its first line as it starts, which may be a moment after the allocation is reported running.
    private async Task<CliRun> LogsWhenAsync(string job, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        for (var delay = TimeSpan.FromMilliseconds(100); ; delay *= 2)
        {
            var logs = await Recon("alloc", "logs", job);
            if (logs.Output.Contains(text, StringComparison.Ordinal) || timeout.IsCancellationRequested) return logs;
            await Task.Delay(delay, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private IReadOnlyList<(int Pid, string Command)> TaskProcesses(string command) =>
        [.. ProcessTree.DescendantsOf(_agent!.Id).Where(p => p.Command.Contains(command, StringComparison.Ordinal))];

    public async Task DisposeAsync()
    {
        _dir.Dispose();
        if (_agent is null) return;
        var tasks = ProcessTree.DescendantsOf(_agent.Id);
        var exitCode = await _agent.TerminateAsync();
        _http.Dispose();
        await _agent.DisposeAsync();
        exitCode.Should().Be(0);
        tasks.Where(t => ProcessTree.IsAlive(t.Pid)).Should().BeEmpty("a dev agent stops its tasks when it stops");
    }
}
