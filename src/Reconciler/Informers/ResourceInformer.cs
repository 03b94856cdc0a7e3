using System.Collections.Immutable;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

using Reconciler.Queue;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Informers;

/// <summary>
/// Keeps a <see cref="ResourceCache"/> of the registered kinds in step with the store and tells subscribers
/// about every change: it lists each kind, then watches every kind in one stream from the list's revision,
/// resuming where it stopped after an error. When the store answers that the revision was compacted away, it
/// lists again and turns the difference against the cache into changes, so no object is missed.
/// </summary>
public sealed class ResourceInformer(IResourceStore store, ILogger<ResourceInformer>? logger = null, ActivitySignal? activity = null, TimeProvider? time = null)
    : IAsyncDisposable
{
    private static readonly TimeSpan RewatchDelay = TimeSpan.FromMilliseconds(200);
    private readonly ILogger _logger = logger ?? NullLogger<ResourceInformer>.Instance;
    private readonly ActivitySignal _activity = activity ?? new ActivitySignal();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _dispatchGate = new();
    private readonly Dictionary<string, long> _listedAt = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, ImmutableArray<Action<ResourceChange>>> _handlers =
        ImmutableDictionary<string, ImmutableArray<Action<ResourceChange>>>.Empty.WithComparers(StringComparer.Ordinal);
    private CancellationTokenSource? _stopping;
    private Task _watching = Task.CompletedTask;
    private long _observedRevision;
    private long _lastEventRevision;

    /// <summary>The cache of every registered kind.</summary>
    public ResourceCache Cache { get; } = new();

    /// <summary>Every store revision up to this one is reflected in the cache and has been told to subscribers.</summary>
    public long ObservedRevision => Interlocked.Read(ref _observedRevision);

    /// <summary>How many times the informer listed again after a compacted watch or an error.</summary>
    public int Relists { get; private set; }

    /// <summary>True once <see cref="StartAsync"/> has listed every kind.</summary>
    public bool IsStarted => _stopping is not null;

    /// <summary>Caches and watches <paramref name="kind"/>; kinds must be registered before <see cref="StartAsync"/>.</summary>
    public void Inform(string kind)
    {
        if (Cache.Holds(kind)) return;
        if (IsStarted) throw new InvalidOperationException($"The informer has started; register kind '{kind}' before starting it.");
        Cache.AddKind(kind);
    }

    /// <summary>
    /// Calls <paramref name="handler"/> for every change of <paramref name="kind"/>, on the informer's thread, so it
    /// must be quick (enqueue a key). A subscriber that joins after start is first told every cached object as added.
    /// </summary>
    public void Subscribe(string kind, Action<ResourceChange> handler)
    {
        Inform(kind);
        lock (_dispatchGate)
        {
            _handlers = _handlers.SetItem(kind, _handlers.GetValueOrDefault(kind, []).Add(handler));
            if (!IsStarted) return;
            foreach (var resource in Cache.Snapshot(kind)) handler(new ResourceChange(ResourceChangeType.Added, resource));
        }
    }

    /// <summary>Lists every registered kind into the cache, tells subscribers, then watches in the background.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsStarted) throw new InvalidOperationException("The informer has already started.");
        var from = await RelistAsync(cancellationToken).ConfigureAwait(false);
        _stopping = new CancellationTokenSource();
        _watching = Task.Run(() => WatchAsync(from, _stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops watching; the cache keeps its last state.</summary>
    public async Task StopAsync()
    {
        if (_stopping is null) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping?.Dispose();
    }

    private async Task WatchAsync(long from, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                from = await FollowAsync(from, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (CompactedException compacted)
            {
                _logger.LogWarning("Watch from revision {Revision} was compacted ({Message}); listing again.", compacted.RequestedRevision, compacted.Message);
                from = await RelistOrRetryAsync(from, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                _logger.LogError(error, "Watch from revision {Revision} failed; watching again shortly.", from);
                await DelayAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Streams changes after `from` into the cache; returns the revision to resume after when the stream ends.
    private async Task<long> FollowAsync(long from, CancellationToken cancellationToken)
    {
        var events = store.WatchAsync(new WatchQuery(), from, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var _ = events.ConfigureAwait(false);
        while (true)
        {
            var next = events.MoveNextAsync();
            if (!next.IsCompleted) MarkCaughtUp();
            if (!await next.ConfigureAwait(false)) return from;
            Apply(events.Current);
            // Resume just before the last event: a transaction's events share a revision, and re-applying one is a no-op.
            from = Math.Max(from, events.Current.Revision - 1);
        }
    }

    private async Task<long> RelistOrRetryAsync(long from, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await RelistAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogError(error, "Listing after a compacted watch from revision {Revision} failed; trying again shortly.", from);
                await DelayAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DelayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(RewatchDelay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // Lists every kind and tells subscribers the difference against the cache; returns the revision to watch after.
    private async Task<long> RelistAsync(CancellationToken cancellationToken)
    {
        var watchFrom = long.MaxValue;
        foreach (var kind in Cache.Kinds.ToArray())
        {
            var list = await store.ListAsync(new ListQuery(kind), cancellationToken).ConfigureAwait(false);
            lock (_dispatchGate) Replace(kind, list);
            watchFrom = Math.Min(watchFrom, list.Revision);
        }
        if (watchFrom == long.MaxValue) watchFrom = store.Revision;
        if (IsStarted) Relists++;
        Interlocked.Exchange(ref _lastEventRevision, Math.Max(Interlocked.Read(ref _lastEventRevision), watchFrom));
        MarkCaughtUp();
        return watchFrom;
    }

    private void Replace(string kind, ListResult list)
    {
        var listed = new HashSet<ResourceKey>();
        foreach (var resource in list.Items)
        {
            listed.Add(resource.Key);
            var cached = Cache.Get(resource.Key);
            if (cached is not null && cached.Metadata.ResourceVersion == resource.Metadata.ResourceVersion) continue;
            Cache.Set(resource);
            Dispatch(new ResourceChange(cached is null ? ResourceChangeType.Added : ResourceChangeType.Modified, resource, cached));
        }
        foreach (var cached in Cache.Snapshot(kind).Where(c => !listed.Contains(c.Key)))
        {
            Cache.Remove(cached.Key);
            Dispatch(new ResourceChange(ResourceChangeType.Deleted, cached));
        }
        _listedAt[kind] = list.Revision;
    }

    private void Apply(WatchEvent change)
    {
        if (change.Revision > Interlocked.Read(ref _lastEventRevision))
        {
            AdvanceObserved(change.Revision - 1);
            Interlocked.Exchange(ref _lastEventRevision, change.Revision);
        }
        var kind = change.Object.Kind;
        lock (_dispatchGate)
        {
            // The list of this kind already reflects every change up to its revision.
            if (!_listedAt.TryGetValue(kind, out var listedAt) || change.Revision <= listedAt) return;
            var cached = Cache.Get(change.Object.Key);
            if (change.Type == WatchEventType.Deleted)
            {
                if (cached is null || cached.Metadata.ResourceVersion > change.Revision) return;
                Cache.Remove(cached.Key);
                Dispatch(new ResourceChange(ResourceChangeType.Deleted, change.Object, cached));
                return;
            }
            if (cached is not null && cached.Metadata.ResourceVersion >= change.Object.Metadata.ResourceVersion) return;
            Cache.Set(change.Object);
            Dispatch(new ResourceChange(cached is null ? ResourceChangeType.Added : ResourceChangeType.Modified, change.Object, cached));
        }
    }

    private void Dispatch(ResourceChange change)
    {
        if (!_handlers.TryGetValue(change.Object.Kind, out var handlers)) return;
        foreach (var handler in handlers)
        {
            try
            {
                handler(change);
            }
            catch (Exception error)
            {
                _logger.LogError(error, "A subscriber failed on {Change} of {Key}.", change.Type, change.Object.Key);
            }
        }
    }

    private void MarkCaughtUp()
    {
        AdvanceObserved(Interlocked.Read(ref _lastEventRevision));
        _activity.Notify();
    }

    private void AdvanceObserved(long revision)
    {
        var current = Interlocked.Read(ref _observedRevision);
        while (revision > current)
        {
            var seen = Interlocked.CompareExchange(ref _observedRevision, revision, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
