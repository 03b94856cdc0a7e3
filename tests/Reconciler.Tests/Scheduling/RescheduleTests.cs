using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.State;

namespace Reconciler.Tests.Scheduling;

public sealed class RescheduleTests
{
    private static readonly DateTimeOffset FailedAt = Cluster.Now;
    private static readonly Node[] TwoNodes = [Cluster.Node("a"), Cluster.Node("b")];

    private static Job Job(ReschedulePolicy? policy, JobType type = JobType.Service) =>
        Cluster.Job("web", Cluster.Group(count: 1) with { Reschedule = policy }, type);

    private static ReschedulePolicy Constant(TimeSpan delay) => new() { Delay = delay, DelayFunction = DelayFunction.Constant, Unlimited = true };

    private static AllocationRecord Failed(string node = "a", params RescheduleEvent[] history) =>
        new("failed", "default", "web", "web", 0, node, 1, 50, 500, 256, [], AllocationDesiredStatus.Run, AllocationClientStatus.Failed, 1)
        {
            FinishedAt = FailedAt,
            RescheduleEvents = history,
        };

    private static RescheduleEvent Rescheduled(TimeSpan before, string from = "x") =>
        new() { PreviousAllocation = $"older-{before.TotalMinutes}", PreviousNode = from, Time = FailedAt - before, Delay = TimeSpan.FromSeconds(30) };

    private static Reconciler.Scheduling.Plans.Plan ScheduleAt(Job job, TimeSpan afterFailure, AllocationRecord[] allocations, Node[]? nodes = null, int seed = 7) =>
        Cluster.Schedule(Cluster.State(job, nodes ?? TwoNodes, allocations) with { Now = FailedAt + afterFailure }, seed);

    [Fact]
    public void A_failed_allocation_is_not_replaced_before_its_delay_and_the_plan_says_when_it_is_due()
    {
        var plan = ScheduleAt(Job(Constant(TimeSpan.FromSeconds(30))), TimeSpan.FromSeconds(29), [Failed()]);

        plan.Placements.Should().BeEmpty();
        plan.Queued.Should().BeEmpty("waiting for the delay is not waiting for room");
        plan.RescheduleAt.Should().Be(FailedAt + TimeSpan.FromSeconds(30));
        plan.Changes["web"].Ignore.Should().Be(1);
    }

    [Fact]
    public void The_delay_grows_from_the_history_the_failed_allocation_carries()
    {
        var policy = new ReschedulePolicy { Delay = TimeSpan.FromSeconds(30), DelayFunction = DelayFunction.Exponential, MaxDelay = TimeSpan.FromHours(1), Unlimited = true };

        var plan = ScheduleAt(Job(policy), TimeSpan.Zero, [Failed("a", Rescheduled(TimeSpan.FromMinutes(1)))]);

        plan.RescheduleAt.Should().Be(FailedAt + TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Once_its_delay_has_passed_the_replacement_goes_to_another_node_and_carries_the_history()
    {
        var older = Rescheduled(TimeSpan.FromMinutes(10));
        var failed = Failed("a", older);

        // Both nodes are empty and alike: only the penalty on the failed node keeps the replacement off it, whatever the shuffle.
        foreach (var seed in Enumerable.Range(1, 20))
        {
            var plan = ScheduleAt(Job(Constant(TimeSpan.FromSeconds(30))), TimeSpan.FromSeconds(30), [failed], seed: seed);

            var replacement = plan.Placements.Should().ContainSingle().Subject.Spec;
            replacement.Node.Should().Be("b", $"seed {seed}");
            replacement.PreviousAllocation.Should().Be("failed");
            replacement.Index.Should().Be(0);
            replacement.RescheduleEvents.Should().Equal(older, new RescheduleEvent
            {
                PreviousAllocation = "failed", PreviousNode = "a", Time = FailedAt + TimeSpan.FromSeconds(30), Delay = TimeSpan.FromSeconds(30),
            });
            plan.RescheduleAt.Should().BeNull();
        }
    }

    [Fact]
    public void The_node_it_failed_on_is_used_when_no_other_fits()
    {
        Node[] nodes = [Cluster.Node("a"), Cluster.Node("b", cpu: 100)];

        var plan = ScheduleAt(Job(Constant(TimeSpan.FromSeconds(30))), TimeSpan.FromSeconds(30), [Failed("a")], nodes);

        plan.Placements.Should().ContainSingle().Which.Spec.Node.Should().Be("a");
    }

    [Fact]
    public void Attempts_used_up_within_the_interval_leave_the_allocation_failed_without_a_replacement()
    {
        var policy = new ReschedulePolicy { Attempts = 2, Interval = TimeSpan.FromHours(1), Delay = TimeSpan.FromSeconds(5), DelayFunction = DelayFunction.Constant, Unlimited = false };

        var plan = ScheduleAt(Job(policy), TimeSpan.FromHours(3), [Failed("a", Rescheduled(TimeSpan.FromMinutes(50)), Rescheduled(TimeSpan.FromMinutes(20)))]);

        plan.Placements.Should().BeEmpty();
        plan.RescheduleAt.Should().BeNull("no follow-up is needed for an allocation that stays failed");
        plan.Queued.Should().BeEmpty();
        plan.Changes["web"].Ignore.Should().Be(1);
    }

    [Fact]
    public void A_new_job_version_replaces_a_failed_allocation_at_once_whatever_its_attempts_and_delay()
    {
        var policy = new ReschedulePolicy { Attempts = 0, Interval = TimeSpan.FromHours(1), Delay = TimeSpan.FromHours(1), DelayFunction = DelayFunction.Constant, Unlimited = false };
        var fixedJob = Cluster.Job("web", Cluster.Group(count: 1) with { Reschedule = policy }, version: 2);

        var plan = ScheduleAt(fixedJob, TimeSpan.Zero, [Failed("a")]);

        var replacement = plan.Placements.Should().ContainSingle().Subject.Spec;
        replacement.PreviousAllocation.Should().Be("failed");
        replacement.RescheduleEvents.Should().BeEmpty();
    }

    [Fact]
    public void Attempts_older_than_the_interval_no_longer_count()
    {
        var policy = new ReschedulePolicy { Attempts = 2, Interval = TimeSpan.FromHours(1), Delay = TimeSpan.FromSeconds(5), DelayFunction = DelayFunction.Constant, Unlimited = false };
        var stale = Rescheduled(TimeSpan.FromMinutes(90));
        var recent = Rescheduled(TimeSpan.FromMinutes(20));

        var plan = ScheduleAt(Job(policy), TimeSpan.FromSeconds(5), [Failed("a", stale, recent)]);

        var events = plan.Placements.Should().ContainSingle().Subject.Spec.RescheduleEvents;
        events.Should().HaveCount(2, "the stale attempt is dropped and this reschedule added").And.StartWith(recent);
    }

    [Fact]
    public void An_unlimited_policy_replaces_however_often_the_allocation_failed_keeping_a_short_history()
    {
        var history = Enumerable.Range(1, 10).Select(i => Rescheduled(TimeSpan.FromMinutes(i))).Reverse().ToArray();

        var plan = ScheduleAt(Job(Constant(TimeSpan.FromSeconds(30))), TimeSpan.FromSeconds(30), [Failed("a", history)]);

        var events = plan.Placements.Should().ContainSingle().Subject.Spec.RescheduleEvents;
        events.Should().HaveCount(5).And.StartWith(history[^4..]);
        events[^1].PreviousAllocation.Should().Be("failed");
    }

    [Fact]
    public void A_batch_allocation_is_rescheduled_once_a_day_by_default()
    {
        var first = ScheduleAt(Job(null, JobType.Batch), TimeSpan.FromSeconds(5), [Failed("a")]);
        var second = ScheduleAt(Job(null, JobType.Batch), TimeSpan.FromSeconds(5), [Failed("a", Rescheduled(TimeSpan.FromHours(2)))]);
        var nextDay = ScheduleAt(Job(null, JobType.Batch), TimeSpan.FromSeconds(5), [Failed("a", Rescheduled(TimeSpan.FromHours(25)))]);

        first.Placements.Should().ContainSingle("the batch default waits 5s and allows one attempt");
        second.Placements.Should().BeEmpty();
        nextDay.Placements.Should().ContainSingle();
    }

    [Fact]
    public void Allocations_lost_with_their_node_or_stopped_by_the_user_are_replaced_at_once()
    {
        var job = Job(Constant(TimeSpan.FromHours(1)));
        var lost = new AllocationRecord("lost", "default", "web", "web", 0, "down", 1, 50, 500, 256, [], AllocationDesiredStatus.Run, AllocationClientStatus.Running, 1);
        var stopped = new AllocationRecord("stopped", "default", "web", "web", 0, "a", 1, 50, 500, 256, [], AllocationDesiredStatus.Stop, AllocationClientStatus.Complete, 1) { FinishedAt = FailedAt };

        var lostPlan = ScheduleAt(job, TimeSpan.Zero, [lost], [.. TwoNodes, Cluster.Node("down", state: NodeState.Down)]);
        var stoppedPlan = ScheduleAt(job, TimeSpan.Zero, [stopped]);

        lostPlan.Placements.Should().ContainSingle().Which.Spec.RescheduleEvents.Should().BeEmpty();
        stoppedPlan.Placements.Should().ContainSingle().Which.Spec.RescheduleEvents.Should().BeEmpty();
        lostPlan.RescheduleAt.Should().BeNull();
        stoppedPlan.RescheduleAt.Should().BeNull();
    }
}
