using Reconciler.Resources.Model;

namespace Reconciler.Store;

/// <summary>A write's expected revision did not match (Nomad's check-index, Kubernetes' 409).</summary>
public sealed class ConflictException(ResourceKey key, long? expectedRevision, long actualRevision)
    : Exception(actualRevision == 0
        ? $"{key} does not exist (expected revision {expectedRevision}); read it again and retry."
        : $"{key} is at revision {actualRevision}, not {expectedRevision}; read it again and retry with the current revision.")
{
    /// <summary>The object the write was for.</summary>
    public ResourceKey Key { get; } = key;

    /// <summary>The revision the writer expected.</summary>
    public long? ExpectedRevision { get; } = expectedRevision;

    /// <summary>The object's current revision; 0 when it does not exist.</summary>
    public long ActualRevision { get; } = actualRevision;
}

/// <summary>A watch asked for revisions the store no longer keeps (Kubernetes answers 410 Gone): relist, then watch again.</summary>
public sealed class CompactedException(long requestedRevision, long oldestAvailable)
    : Exception($"Revision {requestedRevision} has been compacted; the oldest watchable revision is {oldestAvailable}. List again and watch from the list's revision.")
{
    /// <summary>The revision the watch asked to start after.</summary>
    public long RequestedRevision { get; } = requestedRevision;

    /// <summary>The oldest revision a watch may start after.</summary>
    public long OldestAvailable { get; } = oldestAvailable;
}

/// <summary>A snapshot file is corrupt, truncated or of an unknown format; nothing was changed.</summary>
public sealed class SnapshotFormatException(string message) : Exception(message);
