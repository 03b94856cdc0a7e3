using Reconciler.Deployments;
using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Deployments;

/// <summary>Deployments of system jobs (Nomad had none for years, #4740): one allocation per node, replaced maxParallel at a time.</summary>
public sealed class SystemDeploymentTests
{
    private static readonly TimeSpan MinHealthy = TimeSpan.FromSeconds(10);

    private static UpdateStrategy Update(bool autoRevert = false) => new()
    {
        MaxParallel = 1, AutoRevert = autoRevert, HealthCheck = HealthCheckMode.TaskStates, Stagger = TimeSpan.Zero, MinHealthyTime = MinHealthy,
        HealthyDeadline = TimeSpan.FromMinutes(5), ProgressDeadline = TimeSpan.FromMinutes(10),
    };

    private static async Task<DeploymentKit> ThreeNodesAsync()
    {
        var kit = await DeploymentKit.StartAsync();
        await kit.JoinAsync("n3", "dc1");
        await kit.RegisterAsync("v1", 1, Update(), type: JobType.System);
        await kit.StartAndWaitAsync(MinHealthy);
        (await kit.VersionsAsync()).Should().Be("1:3");
        (await kit.Kit.GetAsync<Deployment>(DeploymentNames.Deployment("default", DeploymentKit.Job, 1))).Should().BeNull("a first version has nothing to roll over");
        return kit;
    }

    [Fact]
    public async Task A_system_job_update_replaces_one_node_at_a_time_and_ends_successful_and_stable()
    {
        await using var kit = await ThreeNodesAsync();

        await kit.RegisterAsync("v2", 1, Update());
        var deployment = await kit.DeploymentAsync(2);
        deployment.Status.Groups["web"].Desired.Should().Be(3);
        for (var step = 1; step <= 3; step++)
        {
            (await kit.VersionsAsync()).Should().Be(step == 3 ? "2:3" : $"1:{3 - step} 2:{step}", "at step {0}", step);
            (await kit.RunningAsync()).Count(a => a.Spec.JobVersion == 2 && a.Status.Health?.Healthy != true).Should().Be(1, "maxParallel is 1 (step {0})", step);
            (await kit.RunningAsync()).Select(a => a.Spec.Node).Should().OnlyHaveUniqueItems().And.HaveCount(3);
            await kit.StartAndWaitAsync(MinHealthy);
        }

        var done = await kit.DeploymentAsync(2);
        done.Status.State.Should().Be(DeploymentState.Successful);
        done.Status.Groups["web"].Healthy.Should().Be(3);
        (await kit.History.VersionsAsync("default", DeploymentKit.Job)).First().Spec.Stable.Should().BeTrue();
    }

    [Fact]
    public async Task A_system_job_update_whose_allocation_fails_stops_the_rollout()
    {
        await using var kit = await ThreeNodesAsync();

        await kit.RegisterAsync("v2", 1, Update());
        await kit.FailAsync((await kit.RunningAsync()).Single(a => a.Spec.JobVersion == 2));
        await kit.Kit.AdvanceAsync(MinHealthy);

        var failed = await kit.DeploymentAsync(2);
        failed.Status.State.Should().Be(DeploymentState.Failed);
        failed.Status.Description.Should().Be(DeploymentDescriptions.FailedUnhealthy);
        (await kit.VersionsAsync()).Should().Be("1:2", "the failed deployment replaces no more nodes");
    }
}
