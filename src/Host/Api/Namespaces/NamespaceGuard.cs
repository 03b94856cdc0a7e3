using Reconciler.Host.Api.Errors;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Namespaces;

/// <summary>
/// The namespace rules of writes through the API, as Nomad's: a namespaced object may only be written into a
/// namespace that exists, and a namespace may only be deleted when it holds nothing (and never <c>default</c>).
/// </summary>
public sealed class NamespaceGuard(IResourceStore store, ResourceKindRegistry kinds)
{
    private const int ListedObjects = 5;

    /// <summary>Throws 404 when <paramref name="resource"/> is namespaced and its namespace neither exists nor is in <paramref name="creating"/>.</summary>
    public async Task EnsureNamespaceExistsAsync(Resource resource, IReadOnlySet<string> creating, CancellationToken cancellationToken)
    {
        if (resource.Key.Namespace is not { } ns || creating.Contains(ns)) return;
        if (await store.GetAsync(new ResourceKey(KindInfo.Of<Namespace>().Name, null, ns), cancellationToken) is not null) return;
        throw ApiException.NotFound($"{resource.Key}: namespace '{ns}' does not exist; create it first with `recon namespace apply {ns}` or a Namespace manifest in the same apply.");
    }

    /// <summary>
    /// Throws 409 when namespace <paramref name="name"/> is <c>default</c> or still holds objects other than those in
    /// <paramref name="goingAway"/> (the ones deleted alongside it).
    /// </summary>
    public async Task EnsureCanDeleteAsync(string name, IReadOnlySet<ResourceKey> goingAway, CancellationToken cancellationToken)
    {
        if (name == ObjectMeta.DefaultNamespace)
            throw ApiException.Conflict("The default namespace cannot be deleted; it is where objects without a namespace go.");
        var remaining = new List<ResourceKey>();
        foreach (var kind in kinds.Kinds.Where(k => !k.ClusterScoped).OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var list = await store.ListAsync(new ListQuery(kind.Name, name), cancellationToken);
            remaining.AddRange(list.Items.Select(i => i.Key).Where(k => !goingAway.Contains(k)));
        }
        if (remaining.Count == 0) return;
        var shown = string.Join(", ", remaining.Take(ListedObjects)) + (remaining.Count > ListedObjects ? $" and {remaining.Count - ListedObjects} more" : "");
        throw ApiException.Conflict(
            $"Namespace '{name}' still holds {remaining.Count} {(remaining.Count == 1 ? "object" : "objects")} ({shown}); delete them first, e.g. `recon delete -f` their manifests.");
    }
}
