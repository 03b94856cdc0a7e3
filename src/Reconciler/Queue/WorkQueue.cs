using Reconciler.Resources.Model;

namespace Reconciler.Queue;

/// <summary>
/// A queue of keys to reconcile, with controller-runtime's semantics: a key is queued at most once however
/// often it is added (dirty set); a key being processed is never handed out again until <see cref="Done"/>,
/// and an add during processing queues it once more afterwards; failures are retried with per-key backoff
/// from a <see cref="BackoffSchedule"/>; keys can be added after a delay on the queue's <see cref="TimeProvider"/>.
/// </summary>
public sealed class WorkQueue : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<ResourceKey> _ready = new();
    private readonly HashSet<ResourceKey> _dirty = [];
    private readonly HashSet<ResourceKey> _processing = [];
    private readonly Dictionary<ResourceKey, int> _failures = [];
    private readonly Queue<TaskCompletionSource<ResourceKey?>> _waiters = new();
    private readonly DelayedKeys _delayed;
    private readonly BackoffSchedule _backoff;
    private readonly ActivitySignal _activity;
    private bool _shuttingDown;

    /// <summary>Creates a queue on <paramref name="time"/> with <paramref name="backoff"/> for failures.</summary>
    /// <param name="time">The clock delayed adds and backoff wait on.</param>
    /// <param name="backoff">Delays before retrying a failed key; <see cref="BackoffSchedule.Default"/> when null.</param>
    /// <param name="activity">Notified on every change, for code that waits for the queue to go idle.</param>
    public WorkQueue(TimeProvider time, BackoffSchedule? backoff = null, ActivitySignal? activity = null)
    {
        _backoff = backoff ?? BackoffSchedule.Default;
        _activity = activity ?? new ActivitySignal();
        _delayed = new DelayedKeys(time, Add);
    }

    /// <summary>Keys ready to be handed out now (not counting processing or delayed ones).</summary>
    public int Count
    {
        get { lock (_gate) return _ready.Count; }
    }

    /// <summary>Keys being processed by a worker now.</summary>
    public int Processing
    {
        get { lock (_gate) return _processing.Count; }
    }

    /// <summary>Keys waiting for a delay or a backoff to pass.</summary>
    public int Delayed => _delayed.Count;

    /// <summary>The moment the next delayed key becomes ready, or null when none waits.</summary>
    public DateTimeOffset? NextDelayedAt => _delayed.NextDue;

    /// <summary>True when no key is ready and none is being processed (delayed keys may still wait).</summary>
    public bool IsIdle
    {
        get { lock (_gate) return _ready.Count == 0 && _processing.Count == 0; }
    }

    /// <summary>True once <see cref="ShutDown"/> was called.</summary>
    public bool IsShuttingDown
    {
        get { lock (_gate) return _shuttingDown; }
    }

    /// <summary>Queues <paramref name="key"/> unless it is already queued; ignored after shutdown.</summary>
    public void Add(ResourceKey key)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(key)) return;
            if (_processing.Contains(key)) return;
            if (!HandToWaiter(key)) _ready.Enqueue(key);
        }
        _activity.Notify();
    }

    /// <summary>Queues <paramref name="key"/> once <paramref name="delay"/> has passed (at once when it is not positive).</summary>
    public void AddAfter(ResourceKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }
        if (IsShuttingDown) return;
        _delayed.Schedule(key, delay);
        _activity.Notify();
    }

    /// <summary>Counts a failure of <paramref name="key"/> and queues it after the backoff for that many failures.</summary>
    /// <returns>The delay chosen.</returns>
    public TimeSpan AddWithBackoff(ResourceKey key)
    {
        int failures;
        lock (_gate)
        {
            failures = _failures.TryGetValue(key, out var n) ? n + 1 : 1;
            _failures[key] = failures;
        }
        var delay = _backoff.DelayAfter(failures);
        AddAfter(key, delay);
        return delay;
    }

    /// <summary>Resets the failure count of <paramref name="key"/>, so its next failure backs off from the start.</summary>
    public void Forget(ResourceKey key)
    {
        lock (_gate) _failures.Remove(key);
    }

    /// <summary>How many times in a row <paramref name="key"/> has failed.</summary>
    public int Failures(ResourceKey key)
    {
        lock (_gate) return _failures.GetValueOrDefault(key);
    }

    /// <summary>
    /// Waits for a key and marks it processing; the caller must call <see cref="Done"/> with it.
    /// Returns null once the queue shuts down.
    /// </summary>
    public ValueTask<ResourceKey?> TakeAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<ResourceKey?> waiter;
        lock (_gate)
        {
            if (_shuttingDown) return ValueTask.FromResult<ResourceKey?>(null);
            if (_ready.TryDequeue(out var key))
            {
                _dirty.Remove(key);
                _processing.Add(key);
                return ValueTask.FromResult<ResourceKey?>(key);
            }
            waiter = new TaskCompletionSource<ResourceKey?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }
        if (cancellationToken.CanBeCanceled)
            cancellationToken.Register(static w => ((TaskCompletionSource<ResourceKey?>)w!).TrySetCanceled(), waiter);
        return new ValueTask<ResourceKey?>(waiter.Task);
    }

    /// <summary>Ends processing of <paramref name="key"/>; if it was added meanwhile, it is queued again.</summary>
    public void Done(ResourceKey key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (!_shuttingDown && _dirty.Contains(key) && !HandToWaiter(key)) _ready.Enqueue(key);
        }
        _activity.Notify();
    }

    /// <summary>Stops handing out keys: waiting takers get null, adds are ignored. Keys being processed may finish.</summary>
    public void ShutDown()
    {
        TaskCompletionSource<ResourceKey?>[] waiters;
        lock (_gate)
        {
            _shuttingDown = true;
            waiters = [.. _waiters];
            _waiters.Clear();
        }
        foreach (var waiter in waiters) waiter.TrySetResult(null);
        _delayed.Dispose();
        _activity.Notify();
    }

    /// <inheritdoc />
    public void Dispose() => ShutDown();

    // Called under _gate: gives a key straight to a waiting taker, skipping takers that were cancelled.
    private bool HandToWaiter(ResourceKey key)
    {
        while (_waiters.TryDequeue(out var waiter))
        {
            _dirty.Remove(key);
            _processing.Add(key);
            if (waiter.TrySetResult(key)) return true;
            _processing.Remove(key);
            _dirty.Add(key);
        }
        return false;
    }
}
