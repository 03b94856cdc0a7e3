using Microsoft.Extensions.Time.Testing;
using Reconciler.Host.GitOps;

namespace Reconciler.Host.Tests.GitOps;

public sealed class SyncTriggerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(300);
    private readonly FakeTimeProvider _time = new();
    private readonly SyncTrigger _trigger;

    public SyncTriggerTests() => _trigger = new SyncTrigger(Interval, Debounce, _time);

    [Fact]
    public async Task Without_changes_the_next_sync_is_due_after_the_interval()
    {
        var wait = _trigger.WaitAsync(CancellationToken.None);

        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        wait.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await wait.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(SyncReason.Interval);
    }

    [Fact]
    public async Task A_change_is_due_once_changes_were_quiet_for_the_debounce_period()
    {
        _trigger.Changed();
        var wait = _trigger.WaitAsync(CancellationToken.None);

        _time.Advance(Debounce - TimeSpan.FromMilliseconds(1));
        wait.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await wait.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(SyncReason.Changed);
    }

    [Fact]
    public async Task Changes_while_debouncing_make_one_sync_after_the_last_of_them()
    {
        _trigger.Changed();
        var wait = _trigger.WaitAsync(CancellationToken.None);

        _time.Advance(Debounce / 2);
        _trigger.Changed();
        _time.Advance(Debounce / 2);
        wait.IsCompleted.Should().BeFalse("the second change restarted the quiet period");
        _time.Advance(Debounce);

        (await wait.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(SyncReason.Changed);
        var next = _trigger.WaitAsync(CancellationToken.None);
        _time.Advance(Debounce);
        next.IsCompleted.Should().BeFalse("both changes were one sync; the next is the interval's");
    }

    [Fact]
    public async Task A_change_during_a_sync_makes_the_next_one_due_after_the_debounce_not_the_interval()
    {
        var first = _trigger.WaitAsync(CancellationToken.None);
        _time.Advance(Interval);
        (await first.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(SyncReason.Interval);

        _trigger.Changed(); // saved while that sync ran
        var second = _trigger.WaitAsync(CancellationToken.None);
        _time.Advance(Debounce);

        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(SyncReason.Changed);
    }
}
