using Reconciler.Deployments;
using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Deployments;

/// <summary>What paces a rollout between batches: the group's update.stagger, and an operator's pause and resume.</summary>
public sealed class PacingTests
{
    private static readonly TimeSpan MinHealthy = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Stagger = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static UpdateStrategy Update(TimeSpan stagger) => new()
    {
        MaxParallel = 1, HealthCheck = HealthCheckMode.TaskStates, Stagger = stagger, MinHealthyTime = MinHealthy,
        HealthyDeadline = TimeSpan.FromMinutes(5), ProgressDeadline = TimeSpan.FromMinutes(10),
    };

    // The job-level block says 5 minutes; the group's own stagger must win.
    private static readonly UpdateStrategy JobLevel = Update(TimeSpan.FromMinutes(5));

    private static async Task<DeploymentKit> UpdatingAsync()
    {
        var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 3, Update(Stagger), jobUpdate: JobLevel);
        await kit.StartAndWaitAsync(MinHealthy);
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Successful);
        await kit.RegisterAsync("v2", 3, Update(Stagger), jobUpdate: JobLevel);
        (await kit.VersionsAsync()).Should().Be("1:2 2:1");
        return kit;
    }

    [Fact]
    public async Task The_next_batch_waits_for_the_groups_own_stagger_after_the_previous_one_turned_healthy()
    {
        await using var kit = await UpdatingAsync();

        await kit.StartAndWaitAsync(MinHealthy); // batch 1 healthy now
        await kit.Kit.AdvanceAsync(Stagger - Second);
        (await kit.VersionsAsync()).Should().Be("1:2 2:1", "the stagger has not passed yet");

        await kit.Kit.AdvanceAsync(Second);
        (await kit.VersionsAsync()).Should().Be("1:1 2:2");

        await kit.StartAndWaitAsync(MinHealthy);
        await kit.Kit.AdvanceAsync(Stagger - Second);
        (await kit.VersionsAsync()).Should().Be("1:1 2:2");
        await kit.Kit.AdvanceAsync(Second);
        (await kit.VersionsAsync()).Should().Be("2:3");

        await kit.StartAndWaitAsync(MinHealthy);
        (await kit.DeploymentAsync(2)).Status.State.Should().Be(DeploymentState.Successful);
    }

    [Fact]
    public async Task A_paused_deployment_places_no_new_batch_and_resuming_places_the_next_one_at_once()
    {
        await using var kit = await UpdatingAsync();
        await kit.StartAndWaitAsync(MinHealthy); // batch 1 healthy; the next step is due after the stagger

        (await kit.Control.PauseAsync((await kit.DeploymentAsync(2)).Key)).Succeeded.Should().BeTrue();
        await kit.Kit.AdvanceAsync(Stagger);
        await kit.Kit.AdvanceAsync(TimeSpan.FromMinutes(5));

        (await kit.VersionsAsync()).Should().Be("1:2 2:1", "a paused deployment replaces nothing");
        var paused = await kit.DeploymentAsync(2);
        paused.Status.State.Should().Be(DeploymentState.Paused);
        paused.Status.Description.Should().Be(DeploymentDescriptions.Paused);

        (await kit.Control.ResumeAsync(paused.Key)).Succeeded.Should().BeTrue();
        await kit.Kit.RunUntilIdleAsync();

        (await kit.VersionsAsync()).Should().Be("1:1 2:2", "resuming goes on with the rollout without waiting");
        (await kit.DeploymentAsync(2)).Status.State.Should().Be(DeploymentState.Running);
        for (var step = 0; step < 3 && await kit.VersionsAsync() != "2:3"; step++) await kit.StartAndWaitAsync(MinHealthy + Stagger);
        await kit.StartAndWaitAsync(MinHealthy);
        (await kit.DeploymentAsync(2)).Status.State.Should().Be(DeploymentState.Successful);
    }

    [Fact]
    public async Task Resuming_a_deployment_that_is_not_paused_is_refused()
    {
        await using var kit = await UpdatingAsync();

        var resumed = await kit.Control.ResumeAsync((await kit.DeploymentAsync(2)).Key);

        resumed.Succeeded.Should().BeFalse();
        resumed.Error.Should().Be("deployment is not paused");
    }
}
