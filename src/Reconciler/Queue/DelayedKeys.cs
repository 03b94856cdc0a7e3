using Reconciler.Resources.Model;

namespace Reconciler.Queue;

/// <summary>
/// Keys waiting for a moment to be added to a <see cref="WorkQueue"/>: one timer on the queue's clock, set to
/// the earliest due key. A key waiting twice keeps the earlier moment.
/// </summary>
internal sealed class DelayedKeys : IDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Action<ResourceKey> _release;
    private readonly Dictionary<ResourceKey, DateTimeOffset> _dueByKey = [];
    private readonly PriorityQueue<ResourceKey, DateTimeOffset> _byDue = new();
    private readonly ITimer _timer;
    private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;
    private bool _disposed;

    public DelayedKeys(TimeProvider time, Action<ResourceKey> release)
    {
        _time = time;
        _release = release;
        _timer = time.CreateTimer(static state => ((DelayedKeys)state!).ReleaseDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Count
    {
        get { lock (_gate) return _dueByKey.Count; }
    }

    /// <summary>The moment the next key is due, or null when none waits.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_gate)
            {
                DropStale();
                return _byDue.TryPeek(out _, out var due) ? due : null;
            }
        }
    }

    public void Schedule(ResourceKey key, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_disposed) return;
            var due = _time.GetUtcNow() + delay;
            if (_dueByKey.TryGetValue(key, out var existing) && existing <= due) return;
            _dueByKey[key] = due;
            _byDue.Enqueue(key, due);
            if (due < _timerDue) ArmTimer(due);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _dueByKey.Clear();
            _byDue.Clear();
        }
        _timer.Dispose();
    }

    private void ReleaseDue()
    {
        List<ResourceKey> due = [];
        lock (_gate)
        {
            if (_disposed) return;
            var now = _time.GetUtcNow();
            _timerDue = DateTimeOffset.MaxValue;
            while (_byDue.TryPeek(out var key, out var at) && at <= now)
            {
                _byDue.Dequeue();
                if (_dueByKey.TryGetValue(key, out var current) && current == at)
                {
                    _dueByKey.Remove(key);
                    due.Add(key);
                }
            }
            DropStale();
            if (_byDue.TryPeek(out _, out var next)) ArmTimer(next);
        }
        foreach (var key in due) _release(key);
    }

    // Entries superseded by an earlier moment for the same key stay in the heap until they surface.
    private void DropStale()
    {
        while (_byDue.TryPeek(out var key, out var at) && (!_dueByKey.TryGetValue(key, out var current) || current != at))
            _byDue.Dequeue();
    }

    private void ArmTimer(DateTimeOffset due)
    {
        _timerDue = due;
        var wait = due - _time.GetUtcNow();
        _timer.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }
}
