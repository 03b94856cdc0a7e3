using Reconciler.Resources.Model;

namespace Reconciler.Store;

/// <summary>A write's expected revision did not match (Nomad's check-index, Kubernetes' 409).</summary>
public sealed class ConflictException(ResourceKey key, long? expectedRevision, long actualRevision)
    : Exception((expectedRevision, actualRevision) switch
    {
        (_, 0) => $"{key} does not exist (expected revision {expectedRevision}); read it again and retry.",
        (0, _) => $"{key} already exists at revision {actualRevision}; read it and update it with that revision instead of creating it.",
        _ => $"{key} is at revision {actualRevision}, not {expectedRevision}; read it again and retry with the current revision.",
    })
{
    /// <summary>The object the write was for.</summary>
    public ResourceKey Key { get; } = key;

    /// <summary>The revision the writer expected.</summary>
    public long? ExpectedRevision { get; } = expectedRevision;

    /// <summary>The object's current revision; 0 when it does not exist.</summary>
    public long ActualRevision { get; } = actualRevision;
}

/// <summary>
/// A watch asked for revisions the store no longer keeps (Kubernetes answers 410 Gone), or fell so far
/// behind that the store ended it: relist, then watch again from the list's revision.
/// </summary>
public sealed class CompactedException(long requestedRevision, long oldestAvailable, string? message = null)
    : Exception(message ?? $"Revision {requestedRevision} has been compacted; the oldest watchable revision is {oldestAvailable}. List again and watch from the list's revision.")
{
    /// <summary>The revision the watch asked to start after.</summary>
    public long RequestedRevision { get; } = requestedRevision;

    /// <summary>The oldest revision a watch may start after.</summary>
    public long OldestAvailable { get; } = oldestAvailable;
}

/// <summary>A snapshot file is corrupt, truncated or of an unknown format; nothing was changed.</summary>
public sealed class SnapshotFormatException(string message) : Exception(message);

/// <summary>
/// The store cannot be reached right now (a client agent's servers are away); the caller backs off and tries again.
/// The store reports the outage itself, once, so whoever fails because of it need not log more than its message.
/// </summary>
public class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
