using Microsoft.Extensions.Time.Testing;
using Reconciler.Queue;
using Reconciler.Resources.Model;

namespace Reconciler.Tests.Queue;

public class WorkQueueTests
{
    private static readonly ResourceKey A = new("Job", "default", "a");
    private static readonly ResourceKey B = new("Job", "default", "b");
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_key_added_many_times_is_handed_out_once()
    {
        using var queue = new WorkQueue(_time);
        for (var i = 0; i < 100; i++) queue.Add(A);
        queue.Add(B);

        queue.Count.Should().Be(2);
        (await queue.TakeAsync()).Should().Be(A);
        (await queue.TakeAsync()).Should().Be(B);
        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_key_added_while_processing_is_not_handed_out_until_done()
    {
        using var queue = new WorkQueue(_time);
        queue.Add(A);
        var key = await queue.TakeAsync();

        queue.Add(A);
        queue.Add(A);
        var second = queue.TakeAsync();

        second.IsCompleted.Should().BeFalse("A is still being processed");
        queue.Done(key!.Value);
        (await second).Should().Be(A);
    }

    [Fact]
    public async Task A_done_key_that_was_not_added_again_leaves_the_queue_idle()
    {
        using var queue = new WorkQueue(_time);
        queue.Add(A);
        var key = await queue.TakeAsync();
        queue.IsIdle.Should().BeFalse();

        queue.Done(key!.Value);

        queue.IsIdle.Should().BeTrue();
        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_waiting_taker_receives_the_next_added_key()
    {
        using var queue = new WorkQueue(_time);
        var taking = queue.TakeAsync();

        queue.Add(B);

        (await taking).Should().Be(B);
        queue.Processing.Should().Be(1);
    }

    [Fact]
    public async Task A_delayed_key_becomes_ready_only_when_its_time_comes()
    {
        using var queue = new WorkQueue(_time);
        queue.AddAfter(A, TimeSpan.FromSeconds(10));

        queue.Count.Should().Be(0);
        queue.NextDelayedAt.Should().Be(_time.GetUtcNow() + TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(9));
        queue.Count.Should().Be(0);
        _time.Advance(TimeSpan.FromSeconds(1));

        queue.Count.Should().Be(1);
        (await queue.TakeAsync()).Should().Be(A);
        queue.Delayed.Should().Be(0);
    }

    [Fact]
    public void A_key_delayed_twice_keeps_the_earlier_moment()
    {
        using var queue = new WorkQueue(_time);
        queue.AddAfter(A, TimeSpan.FromSeconds(10));
        queue.AddAfter(A, TimeSpan.FromSeconds(2));
        queue.AddAfter(A, TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(2));

        queue.Count.Should().Be(1);
        queue.Delayed.Should().Be(0);
    }

    [Fact]
    public void Failures_back_off_exponentially_and_forgetting_resets_them()
    {
        using var queue = new WorkQueue(_time);

        var delays = Enumerable.Range(0, 4).Select(_ => queue.AddWithBackoff(A)).ToList();
        queue.Forget(A);
        var afterSuccess = queue.AddWithBackoff(A);

        delays.Select(d => d.TotalMilliseconds).Should().Equal(5, 10, 20, 40);
        afterSuccess.Should().Be(TimeSpan.FromMilliseconds(5));
        queue.Failures(A).Should().Be(1);
    }

    [Fact]
    public async Task Shutting_down_wakes_waiting_takers_with_no_key_and_ignores_later_adds()
    {
        var queue = new WorkQueue(_time);
        var taking = queue.TakeAsync();

        queue.ShutDown();
        queue.Add(A);

        (await taking).Should().BeNull();
        (await queue.TakeAsync()).Should().BeNull();
        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_cancelled_taker_does_not_swallow_a_key()
    {
        using var queue = new WorkQueue(_time);
        using var cancel = new CancellationTokenSource();
        var cancelled = queue.TakeAsync(cancel.Token);
        await cancel.CancelAsync();

        queue.Add(A);

        await cancelled.Invoking(async t => await t).Should().ThrowAsync<OperationCanceledException>();
        (await queue.TakeAsync()).Should().Be(A);
    }

    [Fact]
    public async Task Every_change_wakes_those_waiting_for_activity()
    {
        var activity = new ActivitySignal();
        using var queue = new WorkQueue(_time, activity: activity);
        var changed = activity.NextChange;

        queue.Add(A);

        await changed;
        changed.IsCompletedSuccessfully.Should().BeTrue();
    }
}
