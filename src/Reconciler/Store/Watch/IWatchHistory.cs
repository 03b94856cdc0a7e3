namespace Reconciler.Store.Watch;

/// <summary>Durable history older than the in-memory window, e.g. the write-ahead log.</summary>
internal interface IWatchHistory
{
    /// <summary>The oldest revision a watch may start after using this history.</summary>
    long OldestAvailable { get; }

    /// <summary>
    /// The events of revisions in (<paramref name="afterRevision"/>, <paramref name="untilRevision"/>], in order.
    /// Throws <see cref="CompactedException"/> when part of that range is gone.
    /// </summary>
    IAsyncEnumerable<WatchEvent> ReadAsync(long afterRevision, long untilRevision, CancellationToken cancellationToken);
}
