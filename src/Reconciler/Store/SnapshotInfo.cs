namespace Reconciler.Store;

/// <summary>What a snapshot holds: its format version, revision, creation time, size and a count per kind.</summary>
public sealed record SnapshotInfo(int FormatVersion, long Revision, DateTimeOffset CreatedAt, long SizeBytes, IReadOnlyDictionary<string, int> CountsByKind);
