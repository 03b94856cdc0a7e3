using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Api.Jobs;

/// <summary>Maps Nomad's job routes under <c>/v1/job/{name}</c> (the job objects themselves are at <c>/v1/jobs</c>); <c>?namespace=</c> on each.</summary>
public static class JobEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var job = app.MapGroup("/v1/job/{name}").WithTags("Job");
        job.MapPost("/register", (string name, HttpContext http, JobHandlers h) => h.RegisterAsync(name, http));
        job.MapPost("/plan", (string name, HttpContext http, JobHandlers h) => h.PlanAsync(name, http));
        job.MapPost("/scale", (string name, ScaleRequest request, HttpContext http, JobHandlers h) => h.ScaleAsync(name, request, http));
        job.MapPost("/evaluate", (string name, HttpContext http, JobHandlers h) => h.EvaluateAsync(name, http));
        job.MapDelete("/", (string name, HttpContext http, JobHandlers h) => h.StopAsync(name, http));
        job.MapGet("/allocations", (string name, HttpContext http, JobHandlers h) => h.AllocationsAsync(name, http));
        job.MapGet("/evaluations", (string name, HttpContext http, JobHandlers h) => h.EvaluationsAsync(name, http));
        job.MapGet("/deployments", (string name, HttpContext http, JobHandlers h) => h.DeploymentsAsync(name, http));
        job.MapGet("/versions", (string name, HttpContext http, JobHandlers h) => h.VersionsAsync(name, http));
        job.MapPost("/revert", (string name, RevertRequest request, HttpContext http, JobHandlers h) => h.RevertAsync(name, request, http));
        return app;
    }
}
