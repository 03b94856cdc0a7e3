using Reconciler.Deployments;
using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Deployments;

/// <summary>autoPromote stays correct when a canary cannot be placed at first or is replaced after failing (Nomad #20308, #8150, #6407).</summary>
public sealed class AutoPromoteTests
{
    private static readonly TimeSpan MinHealthy = TimeSpan.FromSeconds(10);

    private static UpdateStrategy Update() => new()
    {
        MaxParallel = 1, Canary = 1, AutoPromote = true, HealthCheck = HealthCheckMode.TaskStates, Stagger = TimeSpan.Zero, MinHealthyTime = MinHealthy,
        HealthyDeadline = TimeSpan.FromMinutes(5), ProgressDeadline = TimeSpan.FromMinutes(30),
    };

    private static async Task<DeploymentKit> StableAsync()
    {
        var kit = await DeploymentKit.StartAsync();
        await kit.RegisterAsync("v1", 2, Update());
        await kit.StartAndWaitAsync(MinHealthy);
        (await kit.DeploymentAsync(1)).Status.State.Should().Be(DeploymentState.Successful);
        return kit;
    }

    private static async Task RollsOutAsync(DeploymentKit kit)
    {
        for (var step = 0; step < 4 && await kit.VersionsAsync() != "2:2"; step++) await kit.StartAndWaitAsync(MinHealthy);
        await kit.StartAndWaitAsync(MinHealthy);
        (await kit.VersionsAsync()).Should().Be("2:2");
        (await kit.DeploymentAsync(2)).Status.State.Should().Be(DeploymentState.Successful);
    }

    [Fact]
    public async Task A_canary_that_cannot_be_placed_at_first_is_not_promoted_until_it_runs_healthy()
    {
        await using var kit = await StableAsync();
        var onlyDc2 = new Constraint { Attribute = "${node.datacenter}", Operator = ConstraintOperator.Equal, Value = "dc2" };

        await kit.RegisterAsync("v2", 2, Update(), shape: g => g with { Constraints = [onlyDc2] });
        await kit.Kit.AdvanceAsync(MinHealthy * 3);

        (await kit.VersionsAsync()).Should().Be("1:2", "no node can take the canary yet");
        var waiting = (await kit.DeploymentAsync(2)).Status;
        waiting.State.Should().Be(DeploymentState.Running);
        waiting.Groups["web"].PlacedCanaries.Should().BeEmpty();
        waiting.Groups["web"].Promoted.Should().BeFalse("no canary has been healthy: nothing is promoted");

        await kit.JoinAsync("n3", "dc2");
        (await kit.VersionsAsync()).Should().Be("1:2 2:1");
        (await kit.DeploymentAsync(2)).Status.Groups["web"].Promoted.Should().BeFalse();
        await kit.StartAndWaitAsync(MinHealthy);

        (await kit.DeploymentAsync(2)).Status.Groups["web"].Promoted.Should().BeTrue();
        await RollsOutAsync(kit);
    }

    [Fact]
    public async Task A_canary_replaced_after_failing_is_promoted_once_its_replacement_is_healthy()
    {
        await using var kit = await StableAsync();

        await kit.RegisterAsync("v2", 2, Update());
        var canary = (await kit.RunningAsync()).Single(a => a.Spec.Canary);
        await kit.FailAndRescheduleAsync(canary);
        for (var wait = 0; wait < 10 && await kit.VersionsAsync() != "1:2 2:1"; wait++) await kit.Kit.AdvanceAsync(TimeSpan.FromSeconds(30));

        (await kit.VersionsAsync()).Should().Be("1:2 2:1", "the failed canary was replaced");
        var replacement = (await kit.RunningAsync()).Single(a => a.Spec.JobVersion == 2 && a.Status.ClientStatus == AllocationClientStatus.Pending);
        replacement.Spec.Canary.Should().BeTrue();
        replacement.Metadata.Name.Should().NotBe(canary.Metadata.Name);
        (await kit.DeploymentAsync(2)).Status.State.Should().Be(DeploymentState.Running);
        (await kit.DeploymentAsync(2)).Status.Groups["web"].Promoted.Should().BeFalse();

        await kit.StartAndWaitAsync(MinHealthy);

        (await kit.DeploymentAsync(2)).Status.Groups["web"].Promoted.Should().BeTrue();
        await RollsOutAsync(kit);
    }
}
