using System.Globalization;
using Reconciler.Clients;
using Reconciler.Host.Api.Blocking;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Namespaces;
using Reconciler.Host.Api.Security;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Resources;

/// <summary>
/// What the generic resource routes do: list and get (blocking with <c>?index=&amp;wait=</c>), put with admission and
/// check-index, delete through the finalizer protocol. Every answer carries <c>X-Recon-Index</c>; no answer carries a secret value.
/// </summary>
public sealed class ResourceHandlers(IResourceStore store, ResourceClient client, ManifestReader reader, NamespaceGuard namespaces, BlockingQuery blocking)
{
    private const string AllNamespaces = "*";

    /// <summary><c>GET /v1/{plural}</c>.</summary>
    public async Task<IResult> ListAsync(KindDescription kind, HttpContext http)
    {
        var ns = Namespace(kind, http.Request, allowAll: true);
        var selector = SelectorText.Parse(http.Request.Query["selector"]);
        await blocking.WaitAsync(http.Request, http.RequestAborted);
        var list = await store.ListAsync(new ListQuery(kind.Kind, ns, selector), http.RequestAborted);
        SetIndex(http, list.Revision);
        // A list across namespaces keeps what the caller's token may list, as Nomad's does.
        return Results.Json(new ResourceList([.. RequestAcl.Visible(http, list.Items).Select(RedactedView.ToJson)], list.Revision), ApiJson.Options);
    }

    /// <summary><c>GET /v1/{plural}/{name}</c>.</summary>
    public async Task<IResult> GetAsync(KindDescription kind, string name, HttpContext http)
    {
        var key = new ResourceKey(kind.Kind, Namespace(kind, http.Request, allowAll: false), name);
        await blocking.WaitAsync(http.Request, http.RequestAborted);
        var revision = store.Revision;
        var resource = await store.GetAsync(key, http.RequestAborted) ?? throw NotFound(kind, key);
        SetIndex(http, Math.Max(revision, resource.Metadata.ResourceVersion));
        return Results.Json(RedactedView.ToJson(resource), ApiJson.Options);
    }

    /// <summary><c>PUT /v1/{plural}/{name}</c>: create or replace from a YAML or JSON body; <c>?index=N</c> writes only at revision N (0: create only).</summary>
    public async Task<IResult> PutAsync(KindDescription kind, string name, HttpContext http)
    {
        var body = await RequestBody.ReadTextAsync(http);
        var read = reader.Read(body, "request");
        if (!read.IsValid) throw InvalidManifest.Of(read.Errors, "nothing was written");
        if (read.Resources.Count != 1)
            throw ApiException.BadRequest($"The body holds {read.Resources.Count} objects; PUT takes exactly one. Use POST /v1/apply for several.");
        var resource = read.Resources[0];
        CheckMatchesRoute(kind, name, Namespace(kind, http.Request, allowAll: false), resource);
        await namespaces.EnsureNamespaceExistsAsync(resource, new HashSet<string>(), http.RequestAborted);

        var existed = await store.GetAsync(resource.Key, http.RequestAborted) is not null;
        var stored = BlockingQuery.TryReadIndex(http.Request, out var expected)
            ? await client.ApplyAsync(resource, expected, http.RequestAborted)
            : await client.ApplyAsync(resource, http.RequestAborted);
        SetIndex(http, stored.Metadata.ResourceVersion);
        return Results.Json(RedactedView.ToJson(stored), ApiJson.Options, statusCode: existed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    }

    /// <summary><c>DELETE /v1/{plural}/{name}</c>: through the finalizer protocol; a namespace only when empty; <c>?index=N</c> only at revision N.</summary>
    public async Task<IResult> DeleteAsync(KindDescription kind, string name, HttpContext http)
    {
        var key = new ResourceKey(kind.Kind, Namespace(kind, http.Request, allowAll: false), name);
        if (kind.Kind == KindInfo.Of<Namespace>().Name)
            await namespaces.EnsureCanDeleteAsync(name, new HashSet<ResourceKey>(), http.RequestAborted);
        var outcome = BlockingQuery.TryReadIndex(http.Request, out var expected)
            ? await client.DeleteAsync(key, expected, http.RequestAborted)
            : await client.DeleteAsync(key, http.RequestAborted);
        if (outcome == DeleteOutcome.NotFound) throw NotFound(kind, key);
        var revision = store.Revision;
        SetIndex(http, revision);
        var action = outcome == DeleteOutcome.Deleted ? ChangeActions.Deleted : ChangeActions.Terminating;
        return Results.Json(new DeleteResponse(key.ToString(), action, revision), ApiJson.Options);
    }

    /// <summary>Sets <c>X-Recon-Index</c>.</summary>
    public static void SetIndex(HttpContext http, long revision) =>
        http.Response.Headers[ApiHeaders.Index] = revision.ToString(CultureInfo.InvariantCulture);

    private static string? Namespace(KindDescription kind, HttpRequest request, bool allowAll)
    {
        var text = request.Query["namespace"].ToString();
        if (!kind.Namespaced) return null;
        if (text.Length == 0) return ObjectMeta.DefaultNamespace;
        if (text == AllNamespaces)
            return allowAll ? null : throw ApiException.BadRequest($"namespace '*' only works for lists; name the namespace of the {kind.Kind}.");
        return text;
    }

    private static void CheckMatchesRoute(KindDescription kind, string name, string? ns, Resource resource)
    {
        if (resource.Kind != kind.Kind)
            throw ApiException.BadRequest($"The body is a {resource.Kind} but the route is /v1/{kind.Plural}; PUT it to /v1/{KindDescription.PluralOf(resource.Kind)}/{resource.Metadata.Name}.");
        if (resource.Metadata.Name != name)
            throw ApiException.BadRequest($"The body names '{resource.Metadata.Name}' but the route names '{name}'; make them agree.");
        if (kind.Namespaced && resource.Key.Namespace != ns)
            throw ApiException.BadRequest($"The body's namespace is '{resource.Key.Namespace}' (default when metadata.namespace is not set) but ?namespace= is '{ns}'; make them agree.");
    }

    private static ApiException NotFound(KindDescription kind, ResourceKey key) =>
        ApiException.NotFound(key.Namespace is null
            ? $"{key} not found; list them with GET /v1/{kind.Plural}."
            : $"{key} not found; list them with GET /v1/{kind.Plural}?namespace={key.Namespace}.");
}
