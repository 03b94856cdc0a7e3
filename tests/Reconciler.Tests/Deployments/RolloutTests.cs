using Reconciler.Deployments;
using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Deployments;

public sealed class RolloutTests
{
    private static readonly TimeSpan MinHealthy = TimeSpan.FromSeconds(10);

    private static UpdateStrategy Update(int maxParallel = 1, int canary = 0, bool autoPromote = false, bool autoRevert = false, int maxSurge = 0,
        HealthCheckMode health = HealthCheckMode.TaskStates, TimeSpan? healthyDeadline = null, TimeSpan? progressDeadline = null) => new()
    {
        MaxParallel = maxParallel, Canary = canary, AutoPromote = autoPromote, AutoRevert = autoRevert, MaxSurge = maxSurge, HealthCheck = health,
        Stagger = TimeSpan.Zero, MinHealthyTime = MinHealthy,
        HealthyDeadline = healthyDeadline ?? TimeSpan.FromMinutes(5), ProgressDeadline = progressDeadline ?? TimeSpan.FromMinutes(10),
    };

    private static async Task<DeploymentKit> StableAsync(int count, UpdateStrategy update)
    {
        var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", count, update);
        await kit.StartAndWaitAsync(MinHealthy);
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Successful);
        return kit;
    }

    private static async Task<int> InFlightAsync(DeploymentKit kit, long version) =>
        (await kit.RunningAsync()).Count(a => a.Spec.JobVersion == version && a.Status.Health?.Healthy != true);

    [Theory]
    [InlineData(4, 1)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    public async Task A_rolling_update_never_has_more_than_maxParallel_allocations_in_flight_and_ends_successful_and_stable(int count, int maxParallel)
    {
        await using var kit = await StableAsync(count, Update(maxParallel));

        await kit.RegisterAsync("v2", count, Update(maxParallel));
        for (var step = 0; step < count + 2 && await kit.VersionsAsync() != $"2:{count}"; step++)
        {
            (await InFlightAsync(kit, 2)).Should().BeInRange(1, maxParallel, "at step {0} the update is still going", step);
            (await kit.RunningAsync()).Should().HaveCount(count);
            await kit.StartAndWaitAsync(MinHealthy);
        }

        (await kit.VersionsAsync()).Should().Be($"2:{count}");
        await kit.StartAndWaitAsync(MinHealthy); // the last batch turns healthy
        var deployment = await kit.DeploymentAsync(2);
        deployment.Status.State.Should().Be(DeploymentState.Successful);
        deployment.Status.Description.Should().Be(DeploymentDescriptions.Successful);
        (await kit.History.VersionsAsync("default", DeploymentKit.Job)).Select(v => (v.Spec.Version, v.Spec.Stable)).Should().Equal((2, true), (1, true));
    }

    [Fact]
    public async Task An_allocation_is_healthy_only_after_running_for_minHealthyTime()
    {
        await using var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 1, Update());
        await kit.StartPendingAsync();

        await kit.Kit.AdvanceAsync(MinHealthy - TimeSpan.FromSeconds(1));
        (await kit.RunningAsync()).Single().Status.Health?.Healthy.Should().BeNull();
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Running);

        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(1));
        (await kit.RunningAsync()).Single().Status.Health!.Healthy.Should().BeTrue();
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Successful);
    }

    [Fact]
    public async Task An_allocation_not_healthy_within_healthyDeadline_turns_unhealthy_and_fails_the_deployment()
    {
        await using var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 1, Update(healthyDeadline: TimeSpan.FromMinutes(1)));

        await kit.Kit.AdvanceAsync(TimeSpan.FromMinutes(1));

        (await kit.RunningAsync()).Single().Status.Health!.Healthy.Should().BeFalse();
        var deployment = await kit.DeploymentAsync(1);
        deployment.Status.State.Should().Be(DeploymentState.Failed);
        deployment.Status.Description.Should().Be(DeploymentDescriptions.FailedUnhealthy);
    }

    [Fact]
    public async Task No_allocation_turning_healthy_within_progressDeadline_fails_the_deployment()
    {
        await using var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 2, Update(health: HealthCheckMode.Manual, progressDeadline: TimeSpan.FromMinutes(2)));
        await kit.StartPendingAsync();

        await kit.Kit.AdvanceAsync(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Running);
        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(1));

        var deployment = await kit.DeploymentAsync(1);
        deployment.Status.State.Should().Be(DeploymentState.Failed);
        deployment.Status.Description.Should().Be(DeploymentDescriptions.FailedProgressDeadline);
    }

    [Fact]
    public async Task Manual_health_is_set_by_an_operator_and_decides_the_deployment()
    {
        await using var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 2, Update(health: HealthCheckMode.Manual));
        await kit.StartAndWaitAsync(TimeSpan.FromMinutes(1));
        (await kit.RunningAsync()).Should().OnlyContain(a => a.Status.Health == null || a.Status.Health.Healthy == null);

        foreach (var a in await kit.RunningAsync())
            (await kit.Control.SetAllocationHealthAsync(a.Key, healthy: true)).Succeeded.Should().BeTrue();
        await kit.Kit.RunUntilIdleAsync();

        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Successful);
    }
}
