namespace Reconciler.Store;

/// <summary>Tuning shared by every store implementation.</summary>
public record ResourceStoreOptions
{
    /// <summary>How many recent revisions watches can resume from in memory; older ones are compacted (or read from a log that still holds them).</summary>
    public int WatchWindowRevisions { get; init; } = 10_000;

    /// <summary>How many events a watcher may fall behind before its watch is ended with <see cref="CompactedException"/>.</summary>
    public int WatcherBufferEvents { get; init; } = 10_000;
}
