using System.Threading.Channels;

namespace Reconciler.Host.GitOps;

/// <summary>
/// When the next GitOps sync is due: <c>interval</c> after the last one (so drift is corrected even when no file
/// changed), or as soon as manifest changes have been quiet for the debounce period (one save, or one
/// <c>git pull</c> of many files, is one sync). Deadlines are moments, not durations, so a wake-up that comes late
/// still decides by the time it is.
/// </summary>
public sealed class SyncTrigger(TimeSpan interval, TimeSpan debounce, TimeProvider time)
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _lastChangeTicks;

    /// <summary>Notes that a manifest changed; a change during a sync makes the next one due a debounce period after it.</summary>
    public void Changed()
    {
        Interlocked.Exchange(ref _lastChangeTicks, time.GetUtcNow().UtcTicks);
        _changes.Writer.TryWrite(true);
    }

    /// <summary>Completes when the next sync is due, saying why.</summary>
    public async Task<SyncReason> WaitAsync(CancellationToken cancellationToken)
    {
        if (!await ChangedBeforeAsync(time.GetUtcNow() + interval, cancellationToken).ConfigureAwait(false)) return SyncReason.Interval;
        while (true)
        {
            _changes.Reader.TryRead(out _);
            var quietAt = new DateTimeOffset(Interlocked.Read(ref _lastChangeTicks), TimeSpan.Zero) + debounce;
            var now = time.GetUtcNow();
            if (now >= quietAt) return SyncReason.Changed;
            await Task.Delay(quietAt - now, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> ChangedBeforeAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(Max(due - time.GetUtcNow(), TimeSpan.Zero), time, waiting.Token);
        var changed = _changes.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var first = await Task.WhenAny(timer, changed).ConfigureAwait(false);
        waiting.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        return first == changed;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
