using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Api.Deployments;

/// <summary>
/// Maps Nomad's deployment routes under <c>/v1/deployment</c> (the list is the resource route <c>/v1/deployments</c>,
/// <c>?namespace=</c>, <c>*</c> for all); <c>?namespace=</c> on each.
/// </summary>
public static class DeploymentEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapDeploymentEndpoints(this IEndpointRouteBuilder app)
    {
        var deployment = app.MapGroup("/v1/deployment").WithTags("Deployment");
        deployment.MapPost("/allocation-health", (AllocationHealthRequest request, HttpContext http, DeploymentHandlers h) => h.SetAllocationHealthAsync(request, http));
        deployment.MapGet("/{id}", (string id, HttpContext http, DeploymentHandlers h) => h.GetAsync(id, http));
        deployment.MapPost("/{id}/promote", (string id, PromoteRequest? request, HttpContext http, DeploymentHandlers h) =>
            h.ChangeAsync(id, http, (control, key, ct) => control.PromoteAsync(key, request?.Groups, ct)));
        deployment.MapPost("/{id}/pause", (string id, HttpContext http, DeploymentHandlers h) => h.ChangeAsync(id, http, (control, key, ct) => control.PauseAsync(key, ct)));
        deployment.MapPost("/{id}/resume", (string id, HttpContext http, DeploymentHandlers h) => h.ChangeAsync(id, http, (control, key, ct) => control.ResumeAsync(key, ct)));
        deployment.MapPost("/{id}/fail", (string id, HttpContext http, DeploymentHandlers h) => h.ChangeAsync(id, http, (control, key, ct) => control.FailAsync(key, ct)));
        return app;
    }
}
