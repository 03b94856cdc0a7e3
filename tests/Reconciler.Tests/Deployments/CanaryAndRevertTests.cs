using Reconciler.Deployments;
using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Deployments;

public sealed class CanaryAndRevertTests
{
    private static readonly TimeSpan MinHealthy = TimeSpan.FromSeconds(10);

    private static UpdateStrategy Update(int maxParallel = 1, int canary = 0, bool autoPromote = false, bool autoRevert = false, int maxSurge = 0) => new()
    {
        MaxParallel = maxParallel, Canary = canary, AutoPromote = autoPromote, AutoRevert = autoRevert, MaxSurge = maxSurge,
        HealthCheck = HealthCheckMode.TaskStates, Stagger = TimeSpan.Zero, MinHealthyTime = MinHealthy,
    };

    private static async Task<DeploymentKit> StableAsync(int count, UpdateStrategy update)
    {
        var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", count, update);
        await kit.StartAndWaitAsync(MinHealthy);
        return kit;
    }

    [Fact]
    public async Task Canaries_run_beside_untouched_old_allocations_until_promoted_then_replace_them()
    {
        await using var kit = await StableAsync(3, Update(canary: 1));
        var old = (await kit.RunningAsync()).Select(a => a.Metadata.Name).ToList();

        await kit.RegisterAsync("v2", 3, Update(canary: 1));
        await kit.StartAndWaitAsync(MinHealthy);

        (await kit.VersionsAsync()).Should().Be("1:3 2:1");
        (await kit.RunningAsync()).Where(a => a.Spec.JobVersion == 1).Select(a => a.Metadata.Name).Should().BeEquivalentTo(old);
        (await kit.RunningAsync()).Single(a => a.Spec.JobVersion == 2).Spec.Canary.Should().BeTrue();
        var waiting = await kit.DeploymentAsync(2);
        waiting.Status.State.Should().Be(DeploymentState.Running);
        waiting.Status.Description.Should().Be(DeploymentDescriptions.RunningNeedsPromotion);

        (await kit.Control.PromoteAsync(waiting.Key)).Succeeded.Should().BeTrue();
        for (var step = 0; step < 4; step++) await kit.StartAndWaitAsync(MinHealthy);

        (await kit.VersionsAsync()).Should().Be("2:3");
        (await kit.DeploymentAsync(2)).Status.State.Should().Be(DeploymentState.Successful);
    }

    [Fact]
    public async Task AutoPromote_promotes_once_every_canary_is_healthy()
    {
        await using var kit = await StableAsync(2, Update(canary: 1, autoPromote: true));

        await kit.RegisterAsync("v2", 2, Update(canary: 1, autoPromote: true));
        (await kit.DeploymentAsync(2)).Status.Groups["web"].Promoted.Should().BeFalse();
        await kit.StartAndWaitAsync(MinHealthy);

        (await kit.DeploymentAsync(2)).Status.Groups["web"].Promoted.Should().BeTrue();
        for (var step = 0; step < 3; step++) await kit.StartAndWaitAsync(MinHealthy);
        (await kit.VersionsAsync()).Should().Be("2:2");
        (await kit.DeploymentAsync(2)).Status.State.Should().Be(DeploymentState.Successful);
    }

    [Fact]
    public async Task An_unhealthy_canary_blocks_promotion_and_leaves_the_old_allocations_running()
    {
        await using var kit = await StableAsync(2, Update(canary: 1, autoPromote: true));

        await kit.RegisterAsync("v2", 2, Update(canary: 1, autoPromote: true));
        await kit.FailAsync((await kit.RunningAsync()).Single(a => a.Spec.Canary));
        await kit.Kit.AdvanceAsync(MinHealthy);

        var deployment = await kit.DeploymentAsync(2);
        deployment.Status.Groups["web"].Promoted.Should().BeFalse();
        var promotion = await kit.Control.PromoteAsync(deployment.Key);
        promotion.Succeeded.Should().BeFalse();
        promotion.Error.Should().Contain("unhealthy canaries");
        (await kit.RunningAsync()).Count(a => a.Spec.JobVersion == 1).Should().Be(2);
    }

    [Fact]
    public async Task A_failed_deployment_with_autoRevert_registers_the_last_stable_version_again()
    {
        await using var kit = await StableAsync(2, Update(autoRevert: true));

        await kit.RegisterAsync("v2", 2, Update(autoRevert: true));
        await kit.FailAsync((await kit.RunningAsync()).Single(a => a.Spec.JobVersion == 2));

        var failed = await kit.DeploymentAsync(2);
        failed.Status.State.Should().Be(DeploymentState.Failed);
        failed.Status.Description.Should().Be(DeploymentDescriptions.RolledBack(DeploymentDescriptions.FailedUnhealthy, 3));
        var job = (await kit.Kit.GetAsync<Job>(DeploymentKit.JobKey))!;
        job.Metadata.Generation.Should().Be(3);
        job.Spec.Groups[0].Tasks[0].Env["IMAGE"].Should().Be("v1");
        for (var step = 0; step < 3; step++) await kit.StartAndWaitAsync(MinHealthy);
        (await kit.VersionsAsync()).Should().Be("3:2");
        (await kit.DeploymentAsync(3)).Status.State.Should().Be(DeploymentState.Successful);
    }

    [Fact]
    public async Task A_revert_cut_short_after_the_failure_was_written_is_made_on_the_next_look()
    {
        await using var kit = await StableAsync(2, Update(autoRevert: true));
        await kit.RegisterAsync("v2", 2, Update(autoRevert: true));

        // As the store holds it when the agent stopped between writing the failure and registering the old version.
        var running = await kit.DeploymentAsync(2);
        await kit.Kit.Client.UpdateStatusAsync(running with { Status = running.Status with { State = DeploymentState.Failed, Description = DeploymentDescriptions.FailedUnhealthy, RevertPending = true } });
        await kit.Kit.RunUntilIdleAsync();

        var failed = await kit.DeploymentAsync(2);
        failed.Status.Description.Should().Be(DeploymentDescriptions.RolledBack(DeploymentDescriptions.FailedUnhealthy, 3));
        failed.Status.RevertPending.Should().BeFalse();
        var job = (await kit.Kit.GetAsync<Job>(DeploymentKit.JobKey))!;
        job.Metadata.Generation.Should().Be(3);
        job.Spec.Groups[0].Tasks[0].Env["IMAGE"].Should().Be("v1");
    }

    [Fact]
    public async Task Finishing_an_auto_revert_twice_registers_the_stable_version_once()
    {
        await using var kit = await StableAsync(2, Update(autoRevert: true));
        await kit.RegisterAsync("v2", 2, Update(autoRevert: true));
        var running = await kit.DeploymentAsync(2);
        var pending = running with { Status = running.Status with { State = DeploymentState.Failed, Description = DeploymentDescriptions.FailedByUser, RevertPending = true } };

        // The first finish registered v1's spec as version 3, then its description write was lost.
        (await kit.Reverter.RevertToStableAsync(DeploymentKit.JobKey, 2))!.Succeeded.Should().BeTrue();
        var written = (await kit.Kit.Client.UpdateStatusAsync(pending)).Resource!;
        var finished = await kit.Reverter.FinishAutoRevertAsync(written);

        finished.Status.Description.Should().Be(DeploymentDescriptions.RolledBack(DeploymentDescriptions.FailedByUser, 3));
        (await kit.Kit.GetAsync<Job>(DeploymentKit.JobKey))!.Metadata.Generation.Should().Be(3, "the job was already at the stable version's spec");
    }

    [Fact]
    public async Task AutoRevert_goes_back_to_the_last_stable_version_past_a_failed_one()
    {
        await using var kit = await StableAsync(2, Update());
        await kit.RegisterAsync("v2", 2, Update());
        await kit.FailAsync((await kit.RunningAsync()).Single(a => a.Spec.JobVersion == 2));
        (await kit.DeploymentAsync(2)).Status.Description.Should().Be(DeploymentDescriptions.FailedUnhealthy, "v2 has no autoRevert and is not stable");

        await kit.RegisterAsync("v3", 2, Update(autoRevert: true));
        await kit.FailAsync((await kit.RunningAsync()).First(a => a.Spec.JobVersion == 3));

        (await kit.DeploymentAsync(3)).Status.Description.Should().Be(DeploymentDescriptions.RolledBack(DeploymentDescriptions.FailedUnhealthy, 4));
        var job = (await kit.Kit.GetAsync<Job>(DeploymentKit.JobKey))!;
        job.Metadata.Generation.Should().Be(4);
        job.Spec.Groups[0].Tasks[0].Env["IMAGE"].Should().Be("v1");
        (await kit.History.VersionsAsync("default", DeploymentKit.Job)).Where(v => v.Spec.Stable).Select(v => v.Spec.Version).Should().Equal(1);
    }

    [Fact]
    public async Task A_new_job_version_cancels_the_running_deployment()
    {
        await using var kit = await StableAsync(2, Update());

        await kit.RegisterAsync("v2", 2, Update());
        await kit.RegisterAsync("v3", 2, Update());

        var cancelled = await kit.DeploymentAsync(2);
        cancelled.Status.State.Should().Be(DeploymentState.Cancelled);
        cancelled.Status.Description.Should().Be(DeploymentDescriptions.CancelledNewerVersion);
        (await kit.DeploymentAsync(3)).Status.State.Should().Be(DeploymentState.Running);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    public async Task MaxSurge_places_replacements_first_so_the_group_never_drops_below_its_count_of_healthy_allocations(int count, int maxSurge)
    {
        await using var kit = await StableAsync(count, Update(maxSurge: maxSurge));

        await kit.RegisterAsync("v2", count, Update(maxSurge: maxSurge));
        for (var step = 0; step < count + 2 && await kit.VersionsAsync() != $"2:{count}"; step++)
        {
            var running = await kit.RunningAsync();
            running.Count(a => a.Status.Health?.Healthy == true).Should().BeGreaterThanOrEqualTo(count, "at step {0}", step);
            running.Count.Should().BeLessThanOrEqualTo(count + maxSurge);
            await kit.StartAndWaitAsync(MinHealthy);
        }

        (await kit.VersionsAsync()).Should().Be($"2:{count}");
        (await kit.DeploymentAsync(2)).Status.State.Should().Be(DeploymentState.Successful);
    }
}
