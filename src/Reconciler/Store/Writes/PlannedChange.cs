using System.Text;
using Reconciler.Resources.Model;

namespace Reconciler.Store.Writes;

/// <summary>
/// One decided change to one object: the event type, the object as it will be stored (for a delete,
/// its last state stamped with the delete's revision), its JSON and, unless deleted, its new stamp.
/// </summary>
internal sealed record PlannedChange(WatchEventType Type, ResourceKey Key, Resource Object, byte[] Json, ObjectStamp? Stamp)
{
    /// <summary>The UTF-8 of <c>Key.ToString()</c>, encoded once for the log record and the object store.</summary>
    public byte[] KeyUtf8 { get; } = Encoding.UTF8.GetBytes(Key.ToString());

    /// <summary>True when the change removes the object.</summary>
    public bool IsDelete => Type == WatchEventType.Deleted;
}
