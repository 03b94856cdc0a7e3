using Reconciler.Resources.Model;

namespace Reconciler.Store;

/// <summary>What to list: a kind, optionally one namespace (null: all) and a label selector.</summary>
public sealed record ListQuery(string Kind, string? Namespace = null, LabelSelector? Selector = null);

/// <summary>What to watch: a kind (null: every kind), optionally one namespace (null: all).</summary>
public sealed record WatchQuery(string? Kind = null, string? Namespace = null, LabelSelector? Selector = null);

/// <summary>The objects of a list and the revision they were read at; watch from that revision to miss nothing.</summary>
public sealed record ListResult(IReadOnlyList<Resource> Items, long Revision);

/// <summary>The kind of change a <see cref="WatchEvent"/> reports.</summary>
public enum WatchEventType
{
    /// <summary>The object was created.</summary>
    Added,
    /// <summary>The object was replaced.</summary>
    Modified,
    /// <summary>The object was removed; the event carries its last state.</summary>
    Deleted,
}

/// <summary>One change to one object at one revision.</summary>
public sealed record WatchEvent(WatchEventType Type, Resource Object, long Revision);

/// <summary>The outcome of a committed transaction: its revision and the objects as stored (deleted ones with their last state).</summary>
public sealed record TransactionResult(long Revision, IReadOnlyList<Resource> Written);
