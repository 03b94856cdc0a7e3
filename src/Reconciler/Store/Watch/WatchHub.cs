using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Reconciler.Store.Watch;

/// <summary>
/// Serves watches: a window of the most recent revisions in memory, older ones from an optional durable
/// history, then live events. Each watcher has a bounded buffer; one that falls too far behind is ended
/// with <see cref="CompactedException"/> instead of slowing writers or growing memory.
/// </summary>
internal sealed class WatchHub(int windowRevisions, int watcherBuffer, IWatchHistory? history = null)
{
    private readonly Lock _gate = new();
    private readonly Queue<(long Revision, WatchEvent[] Events)> _window = new();
    private readonly List<Watcher> _watchers = [];
    private long _lastRevision;
    private long _windowStart; // the window holds revisions in (_windowStart, _lastRevision]
    private bool _closed;

    /// <summary>Starts serving after <paramref name="revision"/> with an empty window (on open, after recovery).</summary>
    public void Reset(long revision)
    {
        lock (_gate)
        {
            _window.Clear();
            _lastRevision = _windowStart = revision;
        }
    }

    /// <summary>Publishes the events of one durable revision; revisions arrive in order.</summary>
    public void Publish(long revision, WatchEvent[] events)
    {
        lock (_gate)
        {
            _window.Enqueue((revision, events));
            _lastRevision = revision;
            while (_window.Count > windowRevisions) _windowStart = _window.Dequeue().Revision;
            for (var i = _watchers.Count - 1; i >= 0; i--)
                if (!_watchers[i].Offer(events)) _watchers.RemoveAt(i);
        }
    }

    /// <summary>Ends every watch; their enumerations complete.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var watcher in _watchers) watcher.End(null);
            _watchers.Clear();
        }
    }

    /// <summary>Streams matching events after <paramref name="afterRevision"/>, then live ones until cancelled.</summary>
    public async IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new WatchFilter(query);
        var watcher = new Watcher(filter, watcherBuffer);
        List<WatchEvent> recent = [];
        long fromHistoryUntil;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            fromHistoryUntil = afterRevision < _windowStart ? _windowStart : afterRevision;
            if (afterRevision < _windowStart && (history is null || afterRevision < history.OldestAvailable))
                throw new CompactedException(afterRevision, history is null ? _windowStart : Math.Min(_windowStart, history.OldestAvailable));
            foreach (var (revision, events) in _window)
                if (revision > afterRevision) recent.AddRange(events.Where(filter.Matches));
            _watchers.Add(watcher);
        }
        try
        {
            // Registered before the window was copied, so nothing published since is missed or repeated.
            if (fromHistoryUntil > afterRevision)
                await foreach (var e in history!.ReadAsync(afterRevision, fromHistoryUntil, cancellationToken))
                    if (filter.Matches(e)) yield return e;
            foreach (var e in recent) yield return e;
            while (await watcher.Reader.WaitToReadAsync(cancellationToken))
                while (watcher.Reader.TryRead(out var e)) yield return e;
        }
        finally
        {
            lock (_gate) _watchers.Remove(watcher);
        }
    }

    private sealed class Watcher(WatchFilter filter, int capacity)
    {
        private readonly Channel<WatchEvent> _channel = Channel.CreateBounded<WatchEvent>(
            new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        private long _delivered;

        public ChannelReader<WatchEvent> Reader => _channel.Reader;

        /// <summary>Queues the matching events; false (and the watch ended) when the buffer is full.</summary>
        public bool Offer(WatchEvent[] events)
        {
            foreach (var e in events)
            {
                if (!filter.Matches(e)) continue;
                if (!_channel.Writer.TryWrite(e))
                {
                    End(new CompactedException(_delivered, e.Revision,
                        $"The watch fell more than {capacity} events behind (at revision {e.Revision}) and was ended so writers are not slowed; list again and watch from the list's revision."));
                    return false;
                }
                _delivered = e.Revision;
            }
            return true;
        }

        public void End(Exception? error) => _channel.Writer.TryComplete(error);
    }
}
