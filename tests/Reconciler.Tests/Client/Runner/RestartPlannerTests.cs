
using Reconciler.Client.Runner;
using Reconciler.Drivers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Tests.Client.Runner;

public sealed class RestartPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TaskExit Crashed = new() { ExitCode = 1 };

    private static RestartPolicy Policy(RestartMode mode) =>
        new() { Attempts = 2, Interval = TimeSpan.FromMinutes(10), Delay = TimeSpan.FromSeconds(15), Mode = mode };

    [Fact]
    public void A_crash_with_restarts_left_in_the_interval_restarts_after_the_delay()
    {
        var decision = RestartPlanner.Decide(JobType.Service, Policy(RestartMode.Fail), Crashed, [Now.AddMinutes(-1)], Now);

        decision.Kind.Should().Be(RestartDecisionKind.Restart);
        decision.Delay.Should().Be(TimeSpan.FromSeconds(15));
        decision.Reason.Should().Contain("restart 2 of 2").And.Contain("exited with code 1");
    }

    [Fact]
    public void Restarts_older_than_the_interval_do_not_count_against_the_attempts()
    {
        var decision = RestartPlanner.Decide(JobType.Service, Policy(RestartMode.Fail), Crashed, [Now.AddMinutes(-30), Now.AddMinutes(-20)], Now);

        decision.Kind.Should().Be(RestartDecisionKind.Restart);
        decision.Delay.Should().Be(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void Mode_fail_fails_the_task_once_the_attempts_within_the_interval_are_used()
    {
        var decision = RestartPlanner.Decide(JobType.Service, Policy(RestartMode.Fail), Crashed, [Now.AddMinutes(-5), Now.AddMinutes(-1)], Now);

        decision.Kind.Should().Be(RestartDecisionKind.Fail);
        decision.Reason.Should().Contain("exceeded 2 allowed restarts");
    }

    [Fact]
    public void Mode_delay_waits_until_the_oldest_restart_leaves_the_interval_once_the_attempts_are_used()
    {
        var decision = RestartPlanner.Decide(JobType.Service, Policy(RestartMode.Delay), Crashed, [Now.AddMinutes(-1), Now.AddMinutes(-4)], Now);

        decision.Kind.Should().Be(RestartDecisionKind.Restart);
        decision.Delay.Should().Be(TimeSpan.FromMinutes(6));
    }

    [Fact]
    public void Mode_delay_waits_at_least_the_delay_when_the_interval_is_nearly_over()
    {
        var decision = RestartPlanner.Decide(JobType.Service, Policy(RestartMode.Delay), Crashed, [Now.AddSeconds(-595), Now.AddMinutes(-1)], Now);

        decision.Kind.Should().Be(RestartDecisionKind.Restart);
        decision.Delay.Should().Be(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void A_batch_task_that_exits_zero_is_complete()
    {
        RestartPlanner.Decide(JobType.Batch, Policy(RestartMode.Fail), new TaskExit(), [], Now).Kind.Should().Be(RestartDecisionKind.Complete);
    }

    [Fact]
    public void A_service_task_that_exits_zero_is_restarted_because_it_should_not_have_stopped()
    {
        RestartPlanner.Decide(JobType.Service, Policy(RestartMode.Fail), new TaskExit(), [], Now).Kind.Should().Be(RestartDecisionKind.Restart);
    }

    [Fact]
    public void Without_a_policy_the_job_types_defaults_apply()
    {
        var batch = RestartPlanner.Decide(JobType.Batch, null, Crashed, [Now.AddHours(-2), Now.AddHours(-1)], Now);
        var service = RestartPlanner.Decide(JobType.Service, null, Crashed, [Now.AddMinutes(-2), Now.AddMinutes(-1)], Now);

        batch.Kind.Should().Be(RestartDecisionKind.Restart, "batch jobs allow 3 restarts in 24 hours");
        service.Kind.Should().Be(RestartDecisionKind.Fail, "service jobs allow 2 restarts in 30 minutes");
    }

    [Fact]
    public void Zero_attempts_fails_the_first_crash()
    {
        RestartPlanner.Decide(JobType.Service, new RestartPolicy { Attempts = 0, Mode = RestartMode.Fail }, Crashed, [], Now)
            .Kind.Should().Be(RestartDecisionKind.Fail);
    }
}
