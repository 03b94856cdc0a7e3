namespace Reconciler.Store.Faster;

/// <summary>Where and how <see cref="FasterResourceStore"/> keeps its data.</summary>
public sealed record FasterResourceStoreOptions : ResourceStoreOptions
{
    /// <summary>The directory holding the change log, the object store and its checkpoints.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Take a FasterKV checkpoint (and truncate the log behind it) after this many revisions.</summary>
    public long CheckpointEveryRevisions { get; init; } = 100_000;

    /// <summary>
    /// Memory FasterKV may use for objects before it pages older records to disk, where reads and the
    /// index rebuild on open still find them. Its pages are 4 MiB, or an eighth of this budget when that is
    /// smaller; one object must fit a page.
    /// </summary>
    public long ObjectMemoryBytes { get; init; } = 1L << 28;

    /// <summary>Log page size as a power of two; a single log record (one object with its key) must fit a page.</summary>
    public int LogPageSizeBits { get; init; } = 22;
}
