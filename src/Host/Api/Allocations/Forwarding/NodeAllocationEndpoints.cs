using Reconciler.Client;
using Reconciler.Client.Stats;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;

namespace Reconciler.Host.Api.Allocations.Forwarding;

/// <summary>
/// Maps <see cref="ClientAgentRoutes"/> on an agent that runs a client: the logs, exec, restart and stats of this node's own
/// allocations, and its machine's stats, for servers forwarding a person's request (<see cref="RemoteAllocationAccess"/>). The servers resolved
/// the allocation and task already, so these read no store; with ACLs they need the agents' token (<see cref="AgentTokenGate"/>).
/// </summary>
public static class NodeAllocationEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapNodeAllocationEndpoints(this IEndpointRouteBuilder app)
    {
        var allocation = app.MapGroup(ClientAgentRoutes.Group).AddEndpointFilter<AgentTokenGate>().WithTags("Internal");
        allocation.MapGet("/logs", (string id, HttpContext http, IAllocationAccess access) =>
            ClientAllocationEndpoints.StreamAsync(http, access, ClientAllocationEndpoints.LogRequestFrom(http.Request.Query, id, Task(http))));
        allocation.MapGet("/exec", (string id, HttpContext http, IAllocationAccess access) =>
        {
            if (!http.WebSockets.IsWebSocketRequest) throw ApiException.BadRequest($"{http.Request.Path} is a WebSocket.");
            return ExecEndpoint.ServeAsync(http, access, id, Task(http), ExecEndpoint.ReadCommand(http.Request.Query["command"].ToString()));
        });
        allocation.MapPost("/restart", async (string id, HttpContext http, IAllocationAccess access) =>
        {
            var task = http.Request.Query["task"].ToString();
            var refused = await access.RestartAsync(id, task.Length == 0 ? null : task, http.RequestAborted);
            return refused is null ? Results.NoContent() : throw ApiException.Conflict(refused);
        });
        allocation.MapGet("/stats", async (string id, HttpContext http, IAllocationAccess access) =>
        {
            try
            {
                return Results.Json(await access.StatsAsync(id, http.RequestAborted), ApiJson.Options);
            }
            catch (AllocationAccessException e)
            {
                throw ApiException.Conflict(e.Message);
            }
        });
        app.MapGet(ClientAgentRoutes.HostStats, (ClientStats stats) => Results.Json(stats.Host(), ApiJson.Options))
            .AddEndpointFilter<AgentTokenGate>().WithTags("Internal");
        return app;
    }

    private static string Task(HttpContext http) =>
        http.Request.Query["task"].ToString() is { Length: > 0 } task ? task : throw ApiException.BadRequest($"{http.Request.Path} needs task=NAME.");
}
