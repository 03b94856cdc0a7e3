using Reconciler.Client;
using Reconciler.Clients;
using Reconciler.Evaluations;
using Reconciler.Host.Api.Allocations.Forwarding;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Jobs;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Kinds;
using Reconciler.Store;

namespace Reconciler.Host.Api.Allocations;

/// <summary>What the <c>/v1/allocation/{id}</c> routes do: status, stop (the scheduler replaces it) and restart.</summary>
public sealed class AllocationHandlers(IResourceStore store, ResourceClient client, AllocationLookup lookup, JobRequests requests, AllocationAccessRouter router)
{
    /// <summary><c>GET /v1/allocation/{id}</c>: id, prefix or job name.</summary>
    public async Task<IResult> GetAsync(string id, HttpContext http)
    {
        var allocation = await lookup.FindAsync(JobRequests.Namespace(http.Request), id, http.RequestAborted);
        ResourceHandlers.SetIndex(http, allocation.Metadata.ResourceVersion);
        return Results.Json(RedactedView.ToJson(allocation), ApiJson.Options);
    }

    /// <summary><c>POST /v1/allocation/{id}/stop</c>: desired status stop, and an evaluation so a service job's allocation is replaced.</summary>
    public async Task<IResult> StopAsync(string id, HttpContext http)
    {
        var ns = JobRequests.Namespace(http.Request);
        var allocation = await lookup.FindAsync(ns, id, http.RequestAborted);
        if (allocation.Spec.DesiredStatus != AllocationDesiredStatus.Run)
            throw ApiException.Conflict($"Allocation {allocation.Metadata.Name} ({allocation.Spec.Name}) is already desired to {allocation.Spec.DesiredStatus.ToString().ToLowerInvariant()}.");
        await SpecChange.ApplyAsync(client, allocation,
            a => a with { Spec = a.Spec with { DesiredStatus = AllocationDesiredStatus.Stop, DesiredDescription = "alloc was stopped by an operator" } }, http.RequestAborted);
        var job = await requests.JobAsync(ns, allocation.Spec.Job, http.RequestAborted);
        var evaluation = await client.ApplyAsync(EvaluationFactory.For(job, EvaluationTrigger.AllocStop), http.RequestAborted);
        ResourceHandlers.SetIndex(http, store.Revision);
        return Results.Json(new EvaluationCreated(evaluation.Metadata.Name, store.Revision), ApiJson.Options);
    }

    /// <summary><c>POST /v1/allocation/{id}/restart[?task=T]</c>: the client running it (here or forwarded) restarts its tasks (not counted against the restart policy).</summary>
    public async Task<IResult> RestartAsync(string id, HttpContext http)
    {
        var allocation = await lookup.FindAsync(JobRequests.Namespace(http.Request), id, http.RequestAborted);
        var task = http.Request.Query["task"].ToString();
        string? refused;
        try
        {
            var access = await router.ForAsync(allocation, http.RequestAborted);
            refused = await access.RestartAsync(allocation.Metadata.Name, task.Length == 0 ? null : task, http.RequestAborted);
        }
        catch (AllocationAccessException e)
        {
            refused = e.Message;
        }
        if (refused is not null) throw ApiException.Conflict($"Allocation {allocation.Metadata.Name} ({allocation.Spec.Name}) was not restarted: {refused}");
        ResourceHandlers.SetIndex(http, store.Revision);
        return Results.Json(new EvaluationCreated(null, store.Revision), ApiJson.Options);
    }
}
