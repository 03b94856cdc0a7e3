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
        // Serialized once, as if the spec were unchanged; the spec's slice of that JSON then tells whether
        // it changed, and only then is the generation bumped, in the object and in place in its JSON.
        var stamp = current is { } c
            ? c with { ResourceVersion = revision }
            : new ObjectStamp(Guid.NewGuid().ToString(), time.GetUtcNow(), 1, revision, default);
        var stored = incoming.WithMetadata(Apply(incoming.Metadata with { Namespace = key.Namespace }, stamp));
        var document = json.Serialize(stored);
        var (spec, generation) = StoredObjectJson.Locate(document);
        stamp = stamp with { SpecDigest = SpecDigest.Of(document.AsSpan()[spec]) };
        if (current is { } previous && previous.SpecDigest != stamp.SpecDigest)
        {
            stamp = stamp with { Generation = previous.Generation + 1 };
            stored = stored.WithMetadata(stored.Metadata with { Generation = stamp.Generation });
            document = StoredObjectJson.ReplaceNumber(document, generation, stamp.Generation);
        }
        return new PlannedChange(current is null ? WatchEventType.Added : WatchEventType.Modified, key, stored, document, stamp);
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
        var stamp = new ObjectStamp(meta.Uid ?? Guid.NewGuid().ToString(), meta.CreatedAt ?? time.GetUtcNow(), Math.Max(1, meta.Generation), revision, default);
        var stored = saved.WithMetadata(Apply(meta with { Namespace = key.Namespace }, stamp));
        var document = json.Serialize(stored);
        var (spec, _) = StoredObjectJson.Locate(document);
        return new PlannedChange(exists ? WatchEventType.Modified : WatchEventType.Added, key, stored, document, stamp with { SpecDigest = SpecDigest.Of(document.AsSpan()[spec]) });
    }

    private static ObjectMeta Apply(ObjectMeta meta, ObjectStamp stamp) => meta with
    {
        Uid = stamp.Uid,
        CreatedAt = stamp.CreatedAt,
        Generation = stamp.Generation,
        ResourceVersion = stamp.ResourceVersion,
    };
}
