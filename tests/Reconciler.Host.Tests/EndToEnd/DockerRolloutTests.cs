using Microsoft.Extensions.DependencyInjection;
using Reconciler.Deployments;
using Reconciler.Host.Tests.Fixtures;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Tests.EndToEnd;

/// <summary>
/// Rolling updates end to end: an agent in this process with the server and client roles, the FASTER store and the
/// docker driver running real containers of the busybox test images (:1 and :2 differ only in /etc/recon-version).
/// The job is stopped and its containers removed when a test ends.
/// </summary>
public sealed class DockerRolloutTests : AgentTest
{
    private static readonly TimeSpan Rollout = TimeSpan.FromMinutes(5);
    private readonly string _job = $"roll-{Guid.NewGuid():N}"[..13];

    protected override bool RunsClient => true;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await JobContainers.RemoveAsync(_job);
    }

    // sleep as PID 1 ignores SIGTERM, so a short kill timeout keeps each stop to a second.
    private string Manifest(string tag, int count, string args) => $$"""
        apiVersion: recon/v1
        kind: Job
        metadata:
          name: {{_job}}
        spec:
          datacenters: [dc1]
          groups:
            - name: app
              count: {{count}}
              update:
                maxParallel: 2
                stagger: 0s
                minHealthyTime: 1s
                healthyDeadline: 30s
                progressDeadline: 1m
                autoRevert: true
                healthCheck: task_states
              restart: { attempts: 0, mode: fail }
              tasks:
                - name: box
                  driver: docker
                  killTimeout: 1s
                  config:
                    image: recon-test/busybox:{{tag}}
                    args: {{args}}
                  resources: { cpu: 20, memoryMB: 16 }
        """;

    private const string Sleep = """["sleep", "3600"]""";

    private async Task RunAsync(string manifest)
    {
        var run = await Agent.CliAsync("job", "run", "-detach", Agent.Files.Write($"{{_job}}.yaml", manifest));
        run.ExitCode.Should().Be(0, run.Output + run.Error);
    }

    private static bool Ended(Deployment deployment) => DeploymentProgress.IsTerminal(deployment.Status.State);

    private static bool Succeeded(Deployment deployment) => deployment.Status.State == DeploymentState.Successful;

    // The stopped allocations' containers take their kill timeout to go; waits until only the image's ones run.
    private async Task<IReadOnlyList<JobContainer>> AwaitRunningContainersAsync(int count, string image)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var running = (await JobContainers.ListAsync(_job)).Where(c => c.Running).ToList();
            if (running.Count == count && running.All(c => c.Image == image) || DateTime.UtcNow > deadline) return running;
            await Task.Delay(200);
        }
    }

    [DockerFact]
    public async Task Ten_replicas_roll_to_a_new_image_two_at_a_time_and_all_end_on_it()
    {
        await SimulatedNodes.AwaitReadyNodeAsync(Agent.Http);
        await using var observer = RolloutObserver.Start(Agent.Services, _job);
        await RunAsync(Manifest("1", 10, Sleep));
        await observer.AwaitDeploymentAsync(1, Succeeded, Rollout);

        observer.Measure(version: 2, count: 10);
        await RunAsync(Manifest("2", 10, Sleep));
        var deployment = await observer.AwaitDeploymentAsync(2, Ended, Rollout);

        deployment.Status.State.Should().Be(DeploymentState.Successful, deployment.Status.Description);
        observer.MostBeingReplaced.Should().BeInRange(1, 2, "maxParallel 2 allows at most two allocations being replaced at once");
        observer.MostInFlight.Should().BeLessThanOrEqualTo(2);
        var allocations = observer.Running();
        allocations.Should().HaveCount(10).And.OnlyContain(a => a.Spec.JobVersion == 2 && a.Status.Health!.Healthy == true);
        var containers = await AwaitRunningContainersAsync(10, "recon-test/busybox:2");
        containers.Should().HaveCount(10).And.OnlyContain(c => c.Image == "recon-test/busybox:2");
        var image = await JobContainers.ImageIdAsync("recon-test/busybox:2");
        (await JobContainers.ImageIdsAsync(containers)).Should().OnlyContain(id => id == image, "docker inspect shows which image each container runs");
        containers.Select(c => c.AllocationId).Should().BeEquivalentTo(allocations.Select(a => a.Metadata.Name));
    }

    [DockerFact]
    public async Task A_version_whose_task_exits_at_once_fails_its_deployment_and_reverts_to_the_stable_version()
    {
        await SimulatedNodes.AwaitReadyNodeAsync(Agent.Http);
        await using var observer = RolloutObserver.Start(Agent.Services, _job);
        await RunAsync(Manifest("1", 3, Sleep));
        await observer.AwaitDeploymentAsync(1, Succeeded, Rollout);

        await RunAsync(Manifest("2", 3, """["false"]"""));
        var reverted = await observer.AwaitDeploymentAsync(3, Ended, Rollout);
        // As it ended: failed first, then described with the version it reverted to.
        var failed = await observer.AwaitDeploymentAsync(2, Ended, Rollout);
        var job = (Job)(await Agent.Services.GetRequiredService<IResourceStore>().GetAsync(new ResourceKey("Job", "default", _job)))!;

        failed.Status.State.Should().Be(DeploymentState.Failed);
        failed.Status.Description.Should().Be(DeploymentDescriptions.RolledBack(DeploymentDescriptions.FailedUnhealthy, 3));
        job.Metadata.Generation.Should().Be(3);
        job.Spec.Groups[0].Tasks[0].Config["image"]!.GetValue<string>().Should().Be("recon-test/busybox:1");
        reverted.Status.State.Should().Be(DeploymentState.Successful, reverted.Status.Description);
        var containers = await AwaitRunningContainersAsync(3, "recon-test/busybox:1");
        containers.Should().HaveCount(3).And.OnlyContain(c => c.Image == "recon-test/busybox:1");
        var image = await JobContainers.ImageIdAsync("recon-test/busybox:1");
        (await JobContainers.ImageIdsAsync(containers)).Should().OnlyContain(id => id == image, "docker inspect shows which image each container runs");
        observer.Running().Should().HaveCount(3).And.OnlyContain(a => a.Spec.JobVersion == 3);
    }
}
