using System.Text.Json;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Store;

namespace Reconciler.Host.Api.Internal;

/// <summary>
/// What the node-facing store routes do: the store's own get, list, put, commit and watch, each through the asking
/// node's <see cref="NodeScope"/>. An object out of the node's sight reads as absent; a write out of its reach is a 403;
/// deletes are refused (a client deletes nothing).
/// </summary>
public sealed class NodeStoreHandlers(IResourceStore store, ResourceJson json, TimeProvider time)
{
    /// <summary>How long a watch stays silent before it sends a progress line (which also tells the client the line is alive).</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    private readonly StoreWire _wire = new(json);

    /// <summary><c>GET info</c>: the revision and the heartbeat TTL this server grants.</summary>
    public static IResult Info(IResourceStore store, NodeApiOptions options) =>
        Results.Json(new { revision = store.Revision, heartbeatTtlMs = (long)options.HeartbeatTtl.TotalMilliseconds });

    /// <summary><c>GET object</c>: the object, or 204 when it is absent or not this node's to see.</summary>
    public async Task<IResult> GetAsync(HttpContext http)
    {
        var revision = store.Revision;
        var resource = await store.GetAsync(StoreWire.ReadKeyQuery(http.Request.Query), http.RequestAborted);
        ResourceHandlers.SetIndex(http, Math.Max(revision, resource?.Metadata.ResourceVersion ?? 0));
        return resource is not null && await Scope(http).CanReadAsync(resource, http.RequestAborted)
            ? Results.Bytes(_wire.Object(resource), "application/json")
            : Results.NoContent();
    }

    /// <summary><c>GET list</c>: the node's objects of a kind and the revision they were read at.</summary>
    public async Task<IResult> ListAsync(HttpContext http)
    {
        var query = http.Request.Query;
        var list = await store.ListAsync(new ListQuery(query["kind"].ToString(), Text(query["namespace"].ToString()), SelectorText.Parse(Text(query["selector"].ToString()))),
            http.RequestAborted);
        var scope = Scope(http);
        var visible = new List<Reconciler.Resources.Model.Resource>();
        foreach (var item in list.Items)
            if (await scope.CanReadAsync(item, http.RequestAborted)) visible.Add(item);
        ResourceHandlers.SetIndex(http, list.Revision);
        return Results.Bytes(_wire.List(visible, list.Revision), "application/json");
    }

    /// <summary><c>PUT object?expected=N</c>: writes the node's own object; a stale <c>expected</c> is a 409.</summary>
    public async Task<IResult> PutAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var incoming = _wire.ReadObject(body.RootElement);
        await RequireWritableAsync(Scope(http), incoming, http.RequestAborted);
        var stored = await store.PutAsync(incoming, StoreWire.ReadRevision(http.Request.Query, "expected"), http.RequestAborted);
        ResourceHandlers.SetIndex(http, stored.Metadata.ResourceVersion);
        return Results.Bytes(_wire.Object(stored), "application/json");
    }

    /// <summary><c>DELETE object</c>: refused; nothing a client does deletes objects.</summary>
    public static IResult Delete(HttpContext http) =>
        throw new ApiException(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden,
            $"node {http.Request.Headers[NodeStoreRoutes.NodeHeader]} may not delete {StoreWire.ReadKeyQuery(http.Request.Query)}; clients delete nothing, servers do.");

    /// <summary><c>POST commit</c>: a transaction of the node's own puts, all or none.</summary>
    public async Task<IResult> CommitAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var transaction = _wire.ReadTransaction(body.RootElement);
        var scope = Scope(http);
        foreach (var operation in transaction.Operations)
        {
            if (operation is not StoreOperation.Put put) throw new ApiException(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden,
                $"node {scope.Node} may not delete {operation.Key}; clients delete nothing, servers do.");
            await RequireWritableAsync(scope, put.Resource, http.RequestAborted);
        }
        var result = await store.CommitAsync(transaction, http.RequestAborted);
        ResourceHandlers.SetIndex(http, result.Revision);
        return Results.Bytes(_wire.Result(result), "application/json");
    }

    /// <summary>
    /// <c>GET watch?after=N</c>: the node's changes after N as NDJSON, with a progress line whenever the stream was quiet
    /// for <see cref="ProgressInterval"/>, until the client goes away. Revisions that are gone (compacted, or ahead of a
    /// store that was replaced) end the stream with a gone line: the client lists again.
    /// </summary>
    public async Task WatchAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var query = new WatchQuery(Text(http.Request.Query["kind"].ToString()), Text(http.Request.Query["namespace"].ToString()));
        var after = StoreWire.ReadRevision(http.Request.Query, "after") ?? store.Revision;
        var scope = Scope(http);
        ResourceHandlers.SetIndex(http, store.Revision);
        http.Response.ContentType = "application/x-ndjson";
        await http.Response.Body.FlushAsync(ct);
        if (after > store.Revision)
        {
            await WriteLineAsync(http, StoreWire.Gone(new CompactedException(after, store.Revision,
                $"revision {after} is ahead of this server's {store.Revision}: its store was replaced; list again")));
            return;
        }
        var seen = after;
        var events = store.WatchAsync(query, after, ct).GetAsyncEnumerator(ct);
        await using var _ = events;
        try
        {
            for (var next = events.MoveNextAsync().AsTask(); ; next = events.MoveNextAsync().AsTask())
            {
                while (!await ArrivedAsync(next, ct)) await WriteLineAsync(http, StoreWire.Progress(seen));
                if (!await next) return;
                var change = events.Current;
                if (change.Object is Allocation allocation && allocation.Spec.Node == scope.Node) scope.Forget();
                if (await scope.CanReadAsync(change.Object, ct)) await WriteLineAsync(http, _wire.Change(change));
                // A transaction's changes share a revision: vouch only for the ones before it.
                seen = Math.Max(seen, change.Revision - 1);
            }
        }
        catch (CompactedException compacted)
        {
            await WriteLineAsync(http, StoreWire.Gone(compacted));
        }
    }

    private async Task<bool> ArrivedAsync(Task<bool> next, CancellationToken ct)
    {
        try
        {
            await next.WaitAsync(ProgressInterval, time, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task RequireWritableAsync(NodeScope scope, Reconciler.Resources.Model.Resource incoming, CancellationToken ct)
    {
        var existing = await store.GetAsync(incoming.Key, ct);
        if (!await scope.CanWriteAsync(existing, incoming, ct))
            throw new ApiException(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden,
                $"node {scope.Node} may not write {incoming.Key}; a client writes only its node, its allocations and evaluations of their jobs.");
    }

    private NodeScope Scope(HttpContext http) => new(store, http.Request.Headers[NodeStoreRoutes.NodeHeader].ToString());

    private static string? Text(string value) => value.Length > 0 ? value : null;

    private static async Task WriteLineAsync(HttpContext http, byte[] line)
    {
        await http.Response.Body.WriteAsync(line, http.RequestAborted);
        await http.Response.Body.WriteAsync("\n"u8.ToArray(), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
