using Polly;
using Polly.Retry;
using Reconciler.Queue;

namespace Reconciler.Tests.Queue;

public class BackoffScheduleTests
{
    [Fact]
    public void The_default_schedule_starts_at_five_milliseconds_and_doubles()
    {
        var schedule = BackoffSchedule.Default;

        schedule.DelayAfter(1).Should().Be(TimeSpan.FromMilliseconds(5));
        schedule.DelayAfter(2).Should().Be(TimeSpan.FromMilliseconds(10));
        schedule.DelayAfter(3).Should().Be(TimeSpan.FromMilliseconds(20));
        schedule.DelayAfter(10).Should().Be(TimeSpan.FromMilliseconds(5 * 512));
    }

    [Fact]
    public void The_default_schedule_is_capped_at_five_minutes_for_every_later_failure()
    {
        var schedule = BackoffSchedule.Default;

        schedule.Delays[^1].Should().Be(TimeSpan.FromMinutes(5));
        schedule.DelayAfter(17).Should().Be(TimeSpan.FromMinutes(5));
        schedule.DelayAfter(1_000).Should().Be(TimeSpan.FromMinutes(5));
        schedule.Delays.Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_constant_polly_strategy_gives_the_same_delay_every_time()
    {
        var schedule = new BackoffSchedule(new RetryStrategyOptions { BackoffType = DelayBackoffType.Constant, Delay = TimeSpan.FromSeconds(1), UseJitter = false });

        schedule.Delays.Should().Equal(TimeSpan.FromSeconds(1));
        schedule.DelayAfter(7).Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Jitter_is_refused_because_a_schedule_is_fixed()
    {
        var act = () => new BackoffSchedule(new RetryStrategyOptions { UseJitter = true });

        act.Should().Throw<ArgumentException>().WithMessage("*UseJitter*");
    }
}
