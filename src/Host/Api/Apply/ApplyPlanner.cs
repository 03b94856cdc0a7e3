using System.Text.Json;
using Reconciler.Clients;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Namespaces;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Apply;

/// <summary>
/// Decides what an apply does, reading the store but writing nothing: each object is created, configured or
/// unchanged (its spec, labels and annotations compared with what is stored), and with a prune selector every
/// object an earlier apply wrote that matches it and is no longer in the manifests is pruned.
/// </summary>
public sealed class ApplyPlanner(IResourceStore store, ResourceKindRegistry kinds, NamespaceGuard namespaces)
{
    private static readonly string NamespaceKind = KindInfo.Of<Namespace>().Name;

    /// <summary>The plan for <paramref name="resources"/>; <paramref name="pruneSelector"/> null means no pruning.</summary>
    public async Task<ApplyPlan> PlanAsync(IReadOnlyList<Resource> resources, LabelSelector? pruneSelector, CancellationToken cancellationToken)
    {
        var creating = resources.Where(r => r.Kind == NamespaceKind).Select(r => r.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var changes = new List<PlannedChange>();
        foreach (var resource in resources.OrderBy(r => r.Kind == NamespaceKind ? 0 : 1))
        {
            await namespaces.EnsureNamespaceExistsAsync(resource, creating, cancellationToken);
            changes.Add(await DecideAsync(LastApplied.Annotate(resource), cancellationToken));
        }
        if (pruneSelector is not null)
            changes.AddRange(await PrunesAsync(resources.Select(r => r.Key).ToHashSet(), pruneSelector, cancellationToken));
        return new ApplyPlan(changes);
    }

    private async Task<PlannedChange> DecideAsync(Resource desired, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(desired.Key, cancellationToken);
        if (existing is null) return new PlannedChange(desired.Key, ChangeActions.Created, null, desired);
        var merged = ResourceClient.Merge(desired, existing);
        var action = SameUserFields(merged, existing) ? ChangeActions.Unchanged : ChangeActions.Configured;
        return new PlannedChange(desired.Key, action, existing, merged);
    }

    private async Task<IReadOnlyList<PlannedChange>> PrunesAsync(HashSet<ResourceKey> applied, LabelSelector selector, CancellationToken cancellationToken)
    {
        var prunes = new List<PlannedChange>();
        // Namespaces go last, so the objects in them are already going when each namespace is checked.
        foreach (var kind in kinds.Kinds.OrderBy(k => k.Name == NamespaceKind ? 1 : 0).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            var list = await store.ListAsync(new ListQuery(kind.Name, null, selector), cancellationToken);
            foreach (var stale in list.Items.Where(i => LastApplied.IsOn(i) && !applied.Contains(i.Key)))
            {
                if (kind.Name == NamespaceKind)
                    await namespaces.EnsureCanDeleteAsync(stale.Metadata.Name, prunes.Select(p => p.Key).ToHashSet(), cancellationToken);
                prunes.Add(new PlannedChange(stale.Key, ChangeActions.Pruned, stale, null));
            }
        }
        return prunes;
    }

    private static bool SameUserFields(Resource a, Resource b) =>
        Json(a.UntypedSpec).SequenceEqual(Json(b.UntypedSpec))
        && SameMap(a.Metadata.Labels, b.Metadata.Labels)
        && SameMap(a.Metadata.Annotations, b.Metadata.Annotations);

    private static byte[] Json(object spec) => JsonSerializer.SerializeToUtf8Bytes(spec, spec.GetType(), ResourceJson.Options);

    private static bool SameMap(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
}
