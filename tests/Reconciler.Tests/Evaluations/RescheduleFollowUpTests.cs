using Reconciler.Evaluations;
using Reconciler.Resources.Kinds;
using Reconciler.Tests.Scheduling;

namespace Reconciler.Tests.Evaluations;

/// <summary>The scheduler's controllers on a fake clock: a failed allocation waits for its reschedule delay in a follow-up evaluation.</summary>
public sealed class RescheduleFollowUpTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    // One allocation placed on "a" (then the only node), then "b" joins, then the allocation fails as the client reports it.
    private static async Task<(SchedulerKit Kit, Job Job, Allocation Failed)> FailedOnAAsync(ReschedulePolicy policy)
    {
        var kit = await SchedulerKit.StartAsync();
        await kit.JoinAsync("a");
        var job = await kit.Kit.ApplyAsync(Cluster.Job("web", Cluster.Group("web", count: 1, cpu: 100, memoryMB: 64) with { Reschedule = policy }));
        await kit.Kit.RunUntilIdleAsync();
        await kit.JoinAsync("b");
        var placed = (await kit.RunningAsync("web")).Should().ContainSingle().Subject;
        placed.Spec.Node.Should().Be("a");

        var failedAt = kit.Kit.Time.GetUtcNow();
        var dead = new TaskState { State = TaskLifecycleState.Dead, Failed = true, FinishedAt = failedAt };
        await kit.Kit.Client.UpdateStatusAsync(placed with { Status = placed.Status with { ClientStatus = AllocationClientStatus.Failed, TaskStates = new Dictionary<string, TaskState> { ["task"] = dead } } });
        await kit.Kit.ApplyAsync(EvaluationFactory.For(job, EvaluationTrigger.AllocFailure, "a", $"{placed.Metadata.Name}-failed"));
        await kit.Kit.RunUntilIdleAsync();
        return (kit, job, placed);
    }

    // Heartbeats keep both nodes ready across the advance (their TTL is 30s).
    private static async Task AdvanceAsync(SchedulerKit kit, TimeSpan by)
    {
        await kit.Nodes.HeartbeatAsync("a");
        await kit.Nodes.HeartbeatAsync("b");
        await kit.Kit.AdvanceAsync(by);
    }

    [Fact]
    public async Task A_failed_allocation_is_replaced_on_another_node_by_a_follow_up_evaluation_once_its_delay_has_passed()
    {
        var (kit, _, failed) = await FailedOnAAsync(new ReschedulePolicy { Delay = Delay, DelayFunction = DelayFunction.Constant, Unlimited = true });
        await using var _ = kit;
        var failedAt = kit.Kit.Time.GetUtcNow();

        var followUp = (await kit.EvaluationsAsync()).Should().ContainSingle(e => e.Spec.WaitUntil != null).Subject;
        followUp.Spec.WaitUntil.Should().Be(failedAt + Delay);
        followUp.Spec.TriggeredBy.Should().Be(EvaluationTrigger.AllocFailure);
        followUp.Status.State.Should().Be(EvaluationState.Pending);

        await AdvanceAsync(kit, Delay - TimeSpan.FromSeconds(1));
        (await kit.RunningAsync("web")).Should().ContainSingle().Which.Metadata.Name.Should().Be(failed.Metadata.Name, "the delay has not passed");

        await AdvanceAsync(kit, TimeSpan.FromSeconds(1));

        var replacement = (await kit.AllocationsAsync("web")).Should().ContainSingle(a => a.Spec.PreviousAllocation == failed.Metadata.Name).Subject;
        replacement.Spec.Node.Should().Be("b");
        replacement.Spec.RescheduleEvents.Should().ContainSingle().Which.Should().Be(new RescheduleEvent
        {
            PreviousAllocation = failed.Metadata.Name, PreviousNode = "a", Time = failedAt + Delay, Delay = Delay,
        });
        (await kit.EvaluationsAsync()).Single(e => e.Metadata.Name == followUp.Metadata.Name).Status.State.Should().Be(EvaluationState.Complete);
        (await kit.EvaluationsAsync()).Should().ContainSingle(e => e.Spec.WaitUntil != null, "evaluations seeing the same wait share one follow-up");
    }

    [Fact]
    public async Task A_failed_allocation_without_attempts_left_stays_failed_and_the_job_summary_counts_it()
    {
        var (kit, job, failed) = await FailedOnAAsync(new ReschedulePolicy { Attempts = 0, Interval = TimeSpan.FromHours(1), Unlimited = false });
        await using var _ = kit;

        await AdvanceAsync(kit, TimeSpan.FromMinutes(1));

        (await kit.AllocationsAsync("web")).Should().ContainSingle().Which.Metadata.Name.Should().Be(failed.Metadata.Name);
        (await kit.EvaluationsAsync()).Should().NotContain(e => e.Spec.WaitUntil != null);
        var status = (await kit.Kit.GetAsync<Job>(job.Key))!.Status;
        status.Summary["web"].Should().Be(new GroupSummary { Failed = 1 });
        status.State.Should().Be(JobState.Dead);
    }
}
