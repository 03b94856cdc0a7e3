namespace Reconciler.Host.Api.Allocations;

/// <summary>Maps <c>/v1/allocation/{id}</c>: status, stop, restart; <c>{id}</c> may be a prefix or a job name.</summary>
public static class AllocationEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapAllocationEndpoints(this IEndpointRouteBuilder app)
    {
        var allocation = app.MapGroup("/v1/allocation/{id}").WithTags("Allocation");
        allocation.MapGet("/", (string id, HttpContext http, AllocationHandlers h) => h.GetAsync(id, http));
        allocation.MapPost("/stop", (string id, HttpContext http, AllocationHandlers h) => h.StopAsync(id, http));
        allocation.MapPost("/restart", (string id, HttpContext http, AllocationHandlers h) => h.RestartAsync(id, http));
        return app;
    }
}
