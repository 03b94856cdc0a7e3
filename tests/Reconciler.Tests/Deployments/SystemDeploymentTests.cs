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
        return kit;
    }

    [Fact]
    public async Task A_first_system_version_is_placed_on_every_node_at_once_and_becomes_stable_once_all_are_healthy()
    {
        await using var kit = await DeploymentKit.StartAsync();
        await kit.JoinAsync("n3", "dc1");
        await kit.RegisterAsync("v1", 1, Update(), type: JobType.System);

        (await kit.VersionsAsync()).Should().Be("1:3", "a first version has nothing to replace, so maxParallel does not pace it");
        var running = await kit.DeploymentAsync(1);
        running.Status.State.Should().Be(DeploymentState.Running);
        running.Status.Groups["web"].Desired.Should().Be(3);
        (await kit.History.VersionsAsync("default", DeploymentKit.Job)).Single().Spec.Stable.Should().BeFalse();

        await kit.StartAndWaitAsync(MinHealthy);

        var done = await kit.DeploymentAsync(1);
        done.Status.State.Should().Be(DeploymentState.Successful);
        done.Status.Groups["web"].Healthy.Should().Be(3);
        (await kit.History.VersionsAsync("default", DeploymentKit.Job)).Single().Spec.Stable.Should().BeTrue();
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
    public async Task A_node_going_down_mid_rollout_leaves_the_deployment_to_succeed_on_the_remaining_nodes()
    {
        await using var kit = await ThreeNodesAsync();

        await kit.RegisterAsync("v2", 1, Update());
        await kit.StartAndWaitAsync(MinHealthy);
        (await kit.VersionsAsync()).Should().Be("1:1 2:2");
        var last = (await kit.RunningAsync()).Single(a => a.Spec.JobVersion == 1).Spec.Node;

        await kit.DownAsync(last);
        (await kit.DeploymentAsync(2)).Status.Groups["web"].Desired.Should().Be(2, "the node that went down no longer counts");
        await kit.StartAndWaitAsync(MinHealthy);

        var done = await kit.DeploymentAsync(2);
        done.Status.State.Should().Be(DeploymentState.Successful);
        done.Status.Groups["web"].Healthy.Should().Be(2);
        (await kit.VersionsAsync()).Should().Be("2:2");
        (await kit.History.VersionsAsync("default", DeploymentKit.Job)).First().Spec.Stable.Should().BeTrue();
    }

    [Fact]
    public async Task A_node_joining_mid_rollout_is_counted_and_gets_the_new_version()
    {
        await using var kit = await ThreeNodesAsync();

        await kit.RegisterAsync("v2", 1, Update());
        await kit.JoinAsync("n4", "dc1");
        (await kit.DeploymentAsync(2)).Status.Groups["web"].Desired.Should().Be(4);
        (await kit.VersionsAsync()).Should().Be("1:2 2:2", "the new node gets the new version at once, beside the first replacement");

        for (var step = 1; step <= 3; step++) await kit.StartAndWaitAsync(MinHealthy);

        var done = await kit.DeploymentAsync(2);
        done.Status.State.Should().Be(DeploymentState.Successful);
        done.Status.Groups["web"].Healthy.Should().Be(4);
        (await kit.VersionsAsync()).Should().Be("2:4");
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
