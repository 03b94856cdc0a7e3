using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Reschedule;

namespace Reconciler.Tests.Scheduling;

public sealed class RescheduleDelayTests
{
    private static ReschedulePolicy Policy(DelayFunction function, int delaySeconds, int maxDelaySeconds) => new()
    {
        DelayFunction = function, Delay = TimeSpan.FromSeconds(delaySeconds), MaxDelay = TimeSpan.FromSeconds(maxDelaySeconds), Unlimited = true,
    };

    public static TheoryData<string, ReschedulePolicy, int[]> Sequences => new()
    {
        { "constant never grows", Policy(DelayFunction.Constant, 5, 0), [5, 5, 5, 5] },
        { "exponential doubles up to maxDelay", Policy(DelayFunction.Exponential, 30, 3600), [30, 60, 120, 240, 480, 960, 1920, 3600, 3600] },
        { "fibonacci adds the last two up to maxDelay", Policy(DelayFunction.Fibonacci, 10, 60), [10, 10, 20, 30, 50, 60, 60] },
        { "a maxDelay equal to the delay holds it", Policy(DelayFunction.Exponential, 60, 60), [60, 60, 60] },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Consecutive_failures_wait_as_the_delay_function_grows_capped_by_maxDelay(string because, ReschedulePolicy policy, int[] expectedSeconds)
    {
        var history = new List<RescheduleEvent>();
        var time = Cluster.Now;
        var delays = new List<int>();
        foreach (var _ in expectedSeconds)
        {
            // Each replacement fails a second after it was placed.
            var delay = RescheduleDelay.Next(policy, history, time + TimeSpan.FromSeconds(1));
            delays.Add((int)delay.TotalSeconds);
            time += TimeSpan.FromSeconds(1) + delay;
            history.Add(new RescheduleEvent { Time = time, Delay = delay });
        }

        delays.Should().Equal(expectedSeconds, because);
    }

    [Fact]
    public void An_allocation_that_ran_longer_than_maxDelay_since_its_reschedule_starts_the_sequence_over()
    {
        var policy = Policy(DelayFunction.Exponential, 30, 3600);
        IReadOnlyList<RescheduleEvent> history = [new RescheduleEvent { Time = Cluster.Now, Delay = TimeSpan.FromHours(1) }];

        RescheduleDelay.Next(policy, history, Cluster.Now + TimeSpan.FromMinutes(30)).Should().Be(TimeSpan.FromHours(1), "it failed again soon");
        RescheduleDelay.Next(policy, history, Cluster.Now + TimeSpan.FromHours(2)).Should().Be(TimeSpan.FromSeconds(30), "it had been stable");
    }
}
