using Reconciler.Clients;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Namespaces;
using Reconciler.Host.Api.Resources;
using Reconciler.Host.Api.Security;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Apply;

/// <summary>
/// <c>POST /v1/apply</c> (kubectl apply: create, configure, leave unchanged, prune; all in one transaction or, on a
/// dry run, nothing) and <c>POST /v1/delete</c> (kubectl delete -f: through finalizers, namespaces last).
/// </summary>
public sealed class ApplyHandlers(IResourceStore store, ResourceClient client, ManifestSet manifests, ManifestApplier applier, NamespaceGuard namespaces)
{
    private static readonly string NamespaceKind = KindInfo.Of<Namespace>().Name;

    /// <summary>Maps the two routes.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/apply", (HttpContext http, ApplyHandlers handlers) => handlers.ApplyAsync(http));
        app.MapPost("/v1/delete", (HttpContext http, ApplyHandlers handlers) => handlers.DeleteAsync(http));
    }

    /// <summary>Applies the manifests of the request.</summary>
    public async Task<IResult> ApplyAsync(HttpContext http)
    {
        var request = await ManifestSet.ReadRequestAsync(http);
        var resources = manifests.Read(request.Files);
        var applied = await applier.ApplyAsync(resources, PruneSelector(request), request.DryRun, http.RequestAborted,
            plan => RequestAcl.DemandWrite(http, plan.Changes.Select(c => c.Key)));
        ResourceHandlers.SetIndex(http, applied.Revision);
        return Results.Json(new ApplyResponse(request.DryRun, applied.Revision, [.. applied.Plan.Changes.Select(c => Describe(c, request.Diff))]), ApiJson.Options);
    }

    /// <summary>Deletes every object the manifests of the request name; namespaces last, and only when nothing else is left in them.</summary>
    public async Task<IResult> DeleteAsync(HttpContext http)
    {
        var request = await ManifestSet.ReadRequestAsync(http);
        var keys = manifests.Read(request.Files).Select(r => r.Key).OrderBy(k => k.Kind == NamespaceKind ? 1 : 0).ToList();
        RequestAcl.DemandWrite(http, keys);
        var goingAway = keys.ToHashSet();
        foreach (var ns in keys.Where(k => k.Kind == NamespaceKind))
            await namespaces.EnsureCanDeleteAsync(ns.Name, goingAway, http.RequestAborted);

        var changes = new List<ObjectChange>();
        foreach (var key in keys)
        {
            if (key.Kind == NamespaceKind) await namespaces.EnsureCanDeleteAsync(key.Name, new HashSet<ResourceKey>(), http.RequestAborted);
            var outcome = await client.DeleteAsync(key, http.RequestAborted);
            changes.Add(new ObjectChange(key.ToString(), outcome switch
            {
                DeleteOutcome.Deleted => ChangeActions.Deleted,
                DeleteOutcome.Terminating => ChangeActions.Terminating,
                _ => ChangeActions.NotFound,
            }));
        }
        ResourceHandlers.SetIndex(http, store.Revision);
        return Results.Json(new ApplyResponse(false, store.Revision, changes), ApiJson.Options);
    }

    private static LabelSelector? PruneSelector(ApplyRequest request)
    {
        if (!request.Prune) return null;
        if (string.IsNullOrWhiteSpace(request.Selector))
            throw ApiException.BadRequest("prune needs a selector naming the set of objects this apply owns, e.g. --prune -l app=web; without one every applied object would be at risk.");
        return SelectorText.Parse(request.Selector);
    }

    private static ObjectChange Describe(PlannedChange change, bool diff) => diff
        ? new ObjectChange(change.Key.ToString(), change.Action,
            change.Existing is null ? null : RedactedView.ToUserYaml(change.Existing),
            change.Desired is null ? null : RedactedView.ToUserYaml(change.Desired))
        : new ObjectChange(change.Key.ToString(), change.Action);
}
