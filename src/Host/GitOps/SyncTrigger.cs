using System.Threading.Channels;

namespace Reconciler.Host.GitOps;

/// <summary>
/// When the next GitOps sync is due: <c>interval</c> after the last one (so drift is corrected even when no file
/// changed), or as soon as manifest changes have been quiet for the debounce period (one save, or one
/// <c>git pull</c> of many files, is one sync).
/// </summary>
public sealed class SyncTrigger(TimeSpan interval, TimeSpan debounce, TimeProvider time)
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Notes that a manifest changed; a change during a sync makes the next one due right after it.</summary>
    public void Changed() => _changes.Writer.TryWrite(true);

    /// <summary>Completes when the next sync is due, saying why.</summary>
    public async Task<SyncReason> WaitAsync(CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var due = Task.Delay(interval, time, waiting.Token);
        var changed = _changes.Reader.WaitToReadAsync(waiting.Token).AsTask();
        var first = await Task.WhenAny(due, changed).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (first == due) return SyncReason.Interval;
        while (_changes.Reader.TryRead(out _))
            await Task.Delay(debounce, time, cancellationToken).ConfigureAwait(false);
        return SyncReason.Changed;
    }
}
