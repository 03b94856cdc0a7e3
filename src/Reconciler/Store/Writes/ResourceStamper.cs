using Reconciler.Resources.Json;
using Reconciler.Resources.Model;

namespace Reconciler.Store.Writes;

/// <summary>
/// Writes the metadata the store owns, the one place both store implementations do it: uid, createdAt
/// and generation 1 on create; on update the same uid and createdAt and a generation bumped only when
/// the serialized spec changed; resourceVersion = the write's revision; the namespace normalised.
/// </summary>
internal sealed class ResourceStamper(ResourceJson json, TimeProvider time)
{
    /// <summary>Stamps a put of <paramref name="incoming"/> over <paramref name="current"/> (null: a create).</summary>
    public PlannedChange Put(Resource incoming, ResourceKey key, ObjectStamp? current, long revision)
    {
        var digest = SpecDigest.Of(incoming);
        var stamp = current is { } c
            ? c with { Generation = c.SpecDigest == digest ? c.Generation : c.Generation + 1, ResourceVersion = revision, SpecDigest = digest }
            : new ObjectStamp(Guid.NewGuid().ToString(), time.GetUtcNow(), 1, revision, digest);
        var stored = incoming.WithMetadata(Apply(incoming.Metadata with { Namespace = key.Namespace }, stamp));
        return new PlannedChange(current is null ? WatchEventType.Added : WatchEventType.Modified, key, stored, json.Serialize(stored), stamp);
    }

    /// <summary>Stamps a delete: the last state of the object, carrying the delete's revision.</summary>
    public PlannedChange Delete(Resource last, ResourceKey key, long revision)
    {
        var stored = last.WithMetadata(last.Metadata with { ResourceVersion = revision });
        return new PlannedChange(WatchEventType.Deleted, key, stored, json.Serialize(stored), null);
    }

    /// <summary>
    /// Puts an object from a snapshot back as it was saved — same uid, createdAt and generation — at the
    /// restore's revision.
    /// </summary>
    public PlannedChange Restore(Resource saved, bool exists, long revision)
    {
        var key = saved.Key;
        var meta = saved.Metadata;
        var stamp = new ObjectStamp(meta.Uid ?? Guid.NewGuid().ToString(), meta.CreatedAt ?? time.GetUtcNow(), Math.Max(1, meta.Generation), revision, SpecDigest.Of(saved));
        var stored = saved.WithMetadata(Apply(meta with { Namespace = key.Namespace }, stamp));
        return new PlannedChange(exists ? WatchEventType.Modified : WatchEventType.Added, key, stored, json.Serialize(stored), stamp);
    }

    /// <summary>The stamp of an object read back from storage (on open, after a restore).</summary>
    public static ObjectStamp StampOf(Resource stored) => new(
        stored.Metadata.Uid ?? "", stored.Metadata.CreatedAt ?? default, stored.Metadata.Generation, stored.Metadata.ResourceVersion, SpecDigest.Of(stored));

    private static ObjectMeta Apply(ObjectMeta meta, ObjectStamp stamp) => meta with
    {
        Uid = stamp.Uid,
        CreatedAt = stamp.CreatedAt,
        Generation = stamp.Generation,
        ResourceVersion = stamp.ResourceVersion,
    };
}
