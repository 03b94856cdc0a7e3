using Reconciler.Resources.Model;

namespace Reconciler.Store.Writes;

/// <summary>
/// Decides what a transaction or a restore does against the current objects, as a <see cref="WritePlan"/>,
/// before anything is written: expectations are checked, keys normalised, metadata stamped. A failed
/// expectation throws <see cref="ConflictException"/> and leaves no trace.
/// </summary>
internal sealed class TransactionPlanner(ResourceKindRegistry kinds, ResourceStamper stamper)
{
    /// <summary>Plans <paramref name="operations"/> in order; later operations see earlier ones of the same transaction.</summary>
    public WritePlan Plan(IReadOnlyList<StoreOperation> operations, ICurrentObjects current, long revision)
    {
        // Operations of one transaction see each other's effects, as if applied one after another.
        var touched = new Dictionary<ResourceKey, PlannedChange>();
        var changes = new List<PlannedChange>(operations.Count);
        foreach (var operation in operations)
        {
            var key = NormalizeForWrite(operation.Key);
            var hasTouched = touched.TryGetValue(key, out var earlier);
            var stamp = hasTouched ? earlier!.Stamp : current.GetStamp(key);
            CheckExpectation(key, operation.ExpectedRevision, stamp?.ResourceVersion ?? 0);

            PlannedChange? change = operation switch
            {
                StoreOperation.Put put => stamper.Put(put.Resource, key, stamp, revision),
                StoreOperation.Delete when stamp is null => null,
                StoreOperation.Delete => stamper.Delete(hasTouched ? earlier!.Object : current.GetObject(key)!, key, revision),
                _ => throw new ArgumentException($"Unknown store operation {operation.GetType().Name}.", nameof(operations)),
            };
            if (change is null) continue;
            touched[key] = change;
            changes.Add(change);
        }
        return new WritePlan(revision, changes);
    }

    /// <summary>
    /// Plans replacing everything with <paramref name="saved"/>: a put per saved object (keeping its uid,
    /// createdAt and generation) and a delete per current object the snapshot does not hold.
    /// </summary>
    public WritePlan PlanRestore(IReadOnlyList<Resource> saved, ICurrentObjects current, long revision)
    {
        var changes = new List<PlannedChange>(saved.Count);
        var keep = new HashSet<ResourceKey>();
        foreach (var resource in saved)
        {
            var key = NormalizeForWrite(resource.Key);
            keep.Add(key);
            changes.Add(stamper.Restore(resource, current.GetStamp(key) is not null, revision));
        }
        foreach (var key in current.AllKeys())
            if (!keep.Contains(key)) changes.Add(stamper.Delete(current.GetObject(key)!, key, revision));
        return new WritePlan(revision, changes);
    }

    /// <summary>
    /// The key as stored: a namespaced kind without a namespace lands in <c>default</c>, a cluster-scoped
    /// kind has none. Unknown kinds stay as given so a read simply finds nothing.
    /// </summary>
    public ResourceKey Normalize(ResourceKey key) => kinds.TryGet(key.Kind, out var info)
        ? key with { Namespace = info.ClusterScoped ? null : key.Namespace ?? ObjectMeta.DefaultNamespace }
        : key;

    private ResourceKey NormalizeForWrite(ResourceKey key)
    {
        // Get throws naming the known kinds: an unregistered kind could be written but never read back.
        var info = kinds.Get(key.Kind);
        if (string.IsNullOrEmpty(key.Name))
            throw new ArgumentException($"A {key.Kind} needs metadata.name; give the object a name.");
        if (key.Name.Contains('/') || key.Namespace?.Contains('/') == true)
            throw new ArgumentException($"{key}: names and namespaces may not contain '/'; rename the object.");
        return key with { Namespace = info.ClusterScoped ? null : key.Namespace ?? ObjectMeta.DefaultNamespace };
    }

    private static void CheckExpectation(ResourceKey key, long? expected, long actual)
    {
        if (expected is { } e && e != actual) throw new ConflictException(key, e, actual);
    }
}
