using Microsoft.AspNetCore.Mvc;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Jobs;
using Reconciler.Nodes;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Nodes;

/// <summary>Maps <c>/v1/node/{name}</c>: status with allocations, drain, eligibility, and a client's register and heartbeat (the node objects are at <c>/v1/nodes</c>).</summary>
public static class NodeEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapNodeEndpoints(this IEndpointRouteBuilder app)
    {
        var node = app.MapGroup("/v1/node/{name}").WithTags("Node");
        node.MapGet("/", (string name, HttpContext http, NodeHandlers h) => h.GetAsync(name, http));
        node.MapPost("/register", async (string name, NodeSpec spec, [FromServices] NodeRegistration registration, CancellationToken ct) =>
            Results.Json(new { heartbeatTtl = await registration.RegisterAsync(name, spec, ct) }, ApiJson.Options));
        node.MapPost("/heartbeat", async (string name, JobRequests requests, [FromServices] NodeRegistration registration, CancellationToken ct) =>
        {
            await requests.NodeAsync(name, ct);
            return Results.Json(new { heartbeatTtl = await registration.HeartbeatAsync(name, cancellationToken: ct) }, ApiJson.Options);
        });
        node.MapPost("/drain", (string name, DrainRequest request, HttpContext http, NodeHandlers h) => h.DrainAsync(name, request, http));
        node.MapPost("/eligibility", (string name, EligibilityRequest request, HttpContext http, NodeHandlers h) => h.EligibilityAsync(name, request, http));
        return app;
    }
}
