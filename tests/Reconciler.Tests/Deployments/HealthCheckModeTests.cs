using Reconciler.Deployments;
using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Deployments;

/// <summary>How healthCheck decides allocation health: task_states asks for running tasks, checks also for passing service checks.</summary>
public sealed class HealthCheckModeTests
{
    private static readonly TimeSpan MinHealthy = TimeSpan.FromSeconds(10);

    private static UpdateStrategy Update(HealthCheckMode health, TimeSpan? healthyDeadline = null) => new()
    {
        MaxParallel = 1, HealthCheck = health, Stagger = TimeSpan.Zero, MinHealthyTime = MinHealthy,
        HealthyDeadline = healthyDeadline ?? TimeSpan.FromMinutes(5), ProgressDeadline = TimeSpan.FromMinutes(10),
    };

    [Theory]
    [InlineData(HealthCheckMode.TaskStates, true, DeploymentState.Successful)]
    [InlineData(HealthCheckMode.Checks, null, DeploymentState.Running)]
    public async Task A_running_task_whose_check_fails_is_healthy_under_task_states_but_not_under_checks(HealthCheckMode mode, bool? healthy, DeploymentState state)
    {
        await using var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 1, Update(mode), withCheck: true);
        await kit.StartPendingAsync();
        await kit.ReportCheckAsync((await kit.RunningAsync()).Single(), CheckStatus.Critical);

        await kit.Kit.AdvanceAsync(MinHealthy);

        (await kit.RunningAsync()).Single().Status.Health?.Healthy.Should().Be(healthy);
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(state);
    }

    [Fact]
    public async Task Under_checks_an_allocation_turns_healthy_once_every_check_passed_without_a_break_for_minHealthyTime()
    {
        await using var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 1, Update(HealthCheckMode.Checks), withCheck: true);
        await kit.StartPendingAsync();
        var allocation = (await kit.RunningAsync()).Single();
        async Task<bool?> HealthyAsync() => (await kit.RunningAsync()).Single().Status.Health?.Healthy;

        await kit.Kit.AdvanceAsync(MinHealthy); // running long enough, but no check result yet
        (await HealthyAsync()).Should().BeNull();

        await kit.ReportCheckAsync(allocation, CheckStatus.Passing);
        await kit.Kit.AdvanceAsync(MinHealthy - TimeSpan.FromSeconds(1));
        await kit.ReportCheckAsync(allocation, CheckStatus.Critical); // a break: the clock starts again
        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(5));
        (await HealthyAsync()).Should().BeNull();

        await kit.ReportCheckAsync(allocation, CheckStatus.Passing);
        await kit.Kit.AdvanceAsync(MinHealthy - TimeSpan.FromSeconds(1));
        (await HealthyAsync()).Should().BeNull();
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Running);

        await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(1));
        (await HealthyAsync()).Should().BeTrue();
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Successful);
    }

    [Fact]
    public async Task Under_checks_an_allocation_whose_check_never_passes_turns_unhealthy_at_healthyDeadline()
    {
        await using var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 1, Update(HealthCheckMode.Checks, healthyDeadline: TimeSpan.FromMinutes(1)), withCheck: true);
        await kit.StartPendingAsync();
        await kit.ReportCheckAsync((await kit.RunningAsync()).Single(), CheckStatus.Critical);

        await kit.Kit.AdvanceAsync(TimeSpan.FromMinutes(1));

        (await kit.RunningAsync()).Single().Status.Health!.Healthy.Should().BeFalse();
        (await kit.DeploymentAsync(1)).Status.Description.Should().Be(DeploymentDescriptions.FailedUnhealthy);
    }
}
