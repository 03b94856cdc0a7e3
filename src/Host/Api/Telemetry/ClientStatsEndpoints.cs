using System.Text.Json;
using Reconciler.Client;
using Reconciler.Client.Stats;
using Reconciler.Clients;
using Reconciler.Host.Api.Allocations;
using Reconciler.Host.Api.Allocations.Forwarding;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Jobs;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Telemetry;

/// <summary>
/// Resource usage as Nomad's client stats routes serve it: <c>GET /v1/client/allocation/{id}/stats</c> (per task and in
/// total, sampled now by the client running the allocation — here or forwarded, as logs are) and <c>GET /v1/client/stats</c>
/// (the machine of this agent's client, or with <c>?node=NAME</c> of that node's client agent).
/// </summary>
public static class ClientStatsEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/v1/client/allocation/{id}/stats", AllocationAsync).WithTags("Allocation");
        app.MapGet("/v1/client/stats", HostAsync).WithTags("Node");
    }

    private static async Task<IResult> AllocationAsync(string id, HttpContext http, AllocationLookup lookup, AllocationAccessRouter router)
    {
        var allocation = await lookup.FindAsync(JobRequests.Namespace(http.Request), id, http.RequestAborted);
        try
        {
            var access = await router.ForAsync(allocation, http.RequestAborted);
            return Results.Json(await access.StatsAsync(allocation.Metadata.Name, http.RequestAborted), ApiJson.Options);
        }
        catch (AllocationAccessException e)
        {
            throw ApiException.Conflict(e.Message);
        }
    }

    private static async Task<IResult> HostAsync(HttpContext http, ResourceClient client, ClientAgentHttp agents)
    {
        var asked = http.Request.Query["node"].ToString();
        var local = http.RequestServices.GetService<ClientStats>();
        if (local is not null && (asked.Length == 0 || asked == local.Options.NodeName)) return Results.Json(local.Host(), ApiJson.Options);
        if (asked.Length == 0) throw ApiException.BadRequest("This agent runs no client: name the node whose machine to show with ?node=NAME.");
        var node = await client.GetAsync<Node>(new ResourceKey("Node", null, asked), http.RequestAborted)
            ?? throw ApiException.NotFound($"Node '{asked}' is not registered; list nodes with `recon node status`.");
        if (!Uri.TryCreate(node.Status.HttpAddress, UriKind.Absolute, out var agent))
            throw ApiException.Conflict($"Node {asked} advertises no HTTP address to reach its client agent by; check the client agent (it advertises its address when it heartbeats).");
        if (agents.PlainHttpRefusal(agent) is { } refusal) throw ApiException.Conflict($"Node {asked}: {refusal}.");
        try
        {
            using var response = await agents.SendAsync(HttpMethod.Get, agent, ClientAgentRoutes.HostStats, http.RequestAborted);
            var text = await response.Content.ReadAsStringAsync(http.RequestAborted);
            if (!response.IsSuccessStatusCode) throw ApiException.Conflict($"The client agent of node {asked} ({agent.Authority}) answered {(int)response.StatusCode}: {text}");
            return Results.Json(JsonSerializer.Deserialize<HostUsage>(text, ApiJson.Options), ApiJson.Options);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException)
        {
            throw ApiException.Conflict($"Node {asked} ({agent.Authority}) does not answer: {e.Message}; check the client agent.");
        }
    }
}
