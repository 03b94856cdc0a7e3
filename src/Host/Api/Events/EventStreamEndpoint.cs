using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Blocking;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Resources;
using Reconciler.Host.Api.Security;
using Reconciler.Store;

namespace Reconciler.Host.Api.Events;

/// <summary>
/// <c>GET /v1/event/stream</c>: the store's watch as newline-delimited JSON, one event per line
/// (<c>{"type":"added","index":N,"key":"Job/default/web","object":{...}}</c>, secret values redacted), from
/// <c>?index=</c> (default: now) and filtered by <c>?kind=</c> and <c>?namespace=</c>, until the client disconnects.
/// If the watch ends early (the index was compacted, the client fell behind) the last line is an error body. With ACLs,
/// only the events of objects the caller's token may list are sent (as Nomad filters its stream by namespace).
/// </summary>
public static class EventStreamEndpoint
{
    /// <summary>Maps the route.</summary>
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/v1/event/stream", StreamAsync);

    private static async Task StreamAsync(HttpContext http, IResourceStore store, KindRoutes kinds)
    {
        var query = new WatchQuery(Kind(http.Request, kinds), http.Request.Query["namespace"].ToString() is { Length: > 0 } ns ? ns : null);
        var from = BlockingQuery.TryReadIndex(http.Request, out var index) ? index : store.Revision;
        var mayList = RequestAcl.MayList(http);
        ResourceHandlers.SetIndex(http, store.Revision);
        http.Response.ContentType = "application/x-ndjson";
        await http.Response.Body.FlushAsync(http.RequestAborted);
        try
        {
            await foreach (var change in store.WatchAsync(query, from, http.RequestAborted))
            {
                if (mayList(change.Object.Key)) await WriteLineAsync(http, Line(change));
            }
        }
        catch (CompactedException compacted)
        {
            await WriteLineAsync(http, JsonSerializer.SerializeToNode(new ApiErrorBody(new ApiErrorInfo(ApiErrorCodes.Gone, compacted.Message)), ApiJson.Options)!);
        }
    }

    private static string? Kind(HttpRequest request, KindRoutes kinds)
    {
        var text = request.Query["kind"].ToString();
        if (text.Length == 0) return null;
        return kinds.Find(text)?.Kind
            ?? throw new ApiException(StatusCodes.Status404NotFound, ApiErrorCodes.UnknownRoute,
                $"Unknown kind '{text}'. Known kinds: {string.Join(", ", kinds.All.Select(k => k.Kind))}.");
    }

    private static JsonObject Line(WatchEvent change) => new()
    {
        ["type"] = JsonNamingPolicy.CamelCase.ConvertName(change.Type.ToString()),
        ["index"] = change.Revision,
        ["key"] = change.Object.Key.ToString(),
        ["object"] = RedactedView.ToJson(change.Object),
    };

    private static async Task WriteLineAsync(HttpContext http, JsonNode line)
    {
        await http.Response.WriteAsync(line.ToJsonString(ApiJson.Options) + "\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }
}
