using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Api.Nodes;

/// <summary>Maps <c>/v1/node/{name}</c>: status with allocations, drain, eligibility (the node objects are at <c>/v1/nodes</c>).</summary>
public static class NodeEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapNodeEndpoints(this IEndpointRouteBuilder app)
    {
        var node = app.MapGroup("/v1/node/{name}").WithTags("Node");
        node.MapGet("/", (string name, HttpContext http, NodeHandlers h) => h.GetAsync(name, http));
        node.MapPost("/drain", (string name, DrainRequest request, HttpContext http, NodeHandlers h) => h.DrainAsync(name, request, http));
        node.MapPost("/eligibility", (string name, EligibilityRequest request, HttpContext http, NodeHandlers h) => h.EligibilityAsync(name, request, http));
        return app;
    }
}
