using Reconciler.Deployments;
using Reconciler.Host.Api.Allocations;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Jobs;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Api.Deployments;

/// <summary>
/// What the <c>/v1/deployment</c> routes do: read one deployment by id or unambiguous prefix, and the operator's
/// commands (promote, pause, resume, fail, manual allocation health) through <see cref="DeploymentControl"/>.
/// </summary>
public sealed class DeploymentHandlers(IResourceStore store, JobRequests requests, AllocationLookup allocations)
{
    /// <summary><c>GET /v1/deployment/{id}</c>: the deployment <paramref name="id"/> (or an unambiguous prefix) names.</summary>
    public async Task<IResult> GetAsync(string id, HttpContext http)
    {
        var revision = store.Revision;
        var deployment = await FindAsync(JobRequests.Namespace(http.Request), id, http.RequestAborted);
        ResourceHandlers.SetIndex(http, revision);
        return Results.Json(RedactedView.ToJson(deployment), ApiJson.Options);
    }

    /// <summary>Applies one <see cref="DeploymentControl"/> command to the deployment <paramref name="id"/> names; a refusal is a 409 with the reason.</summary>
    public async Task<IResult> ChangeAsync(string id, HttpContext http, Func<DeploymentControl, ResourceKey, CancellationToken, Task<DeploymentCommandResult>> command)
    {
        var deployment = await FindAsync(JobRequests.Namespace(http.Request), id, http.RequestAborted);
        var result = await command(Control(http), deployment.Key, http.RequestAborted);
        if (!result.Succeeded) throw ApiException.Conflict($"Deployment '{deployment.Metadata.Name}': {result.Error}.");
        ResourceHandlers.SetIndex(http, result.Deployment!.Metadata.ResourceVersion);
        return Results.Json(RedactedView.ToJson(result.Deployment), ApiJson.Options);
    }

    /// <summary><c>POST /v1/deployment/allocation-health</c>: marks allocations healthy or unhealthy by hand; the first refusal is a 409.</summary>
    public async Task<IResult> SetAllocationHealthAsync(AllocationHealthRequest request, HttpContext http)
    {
        var ns = JobRequests.Namespace(http.Request);
        var marks = (request.Healthy ?? []).Select(a => (Id: a, Healthy: true)).Concat((request.Unhealthy ?? []).Select(a => (Id: a, Healthy: false))).ToList();
        if (marks.Count == 0) throw ApiException.BadRequest("Name at least one allocation in `healthy` or `unhealthy`.");
        var control = Control(http);
        Deployment? last = null;
        foreach (var (allocationId, healthy) in marks)
        {
            var allocation = await allocations.FindAsync(ns, allocationId, http.RequestAborted);
            var result = await control.SetAllocationHealthAsync(allocation.Key, healthy, http.RequestAborted);
            if (!result.Succeeded) throw ApiException.Conflict($"Allocation '{allocation.Metadata.Name}': {result.Error}.");
            last = result.Deployment ?? last;
        }
        ResourceHandlers.SetIndex(http, store.Revision);
        return Results.Json(last is null ? null : RedactedView.ToJson(last), ApiJson.Options);
    }

    private async Task<Deployment> FindAsync(string ns, string id, CancellationToken cancellationToken)
    {
        var all = await requests.ListAsync<Deployment>("Deployment", ns, _ => true, cancellationToken);
        if (all.FirstOrDefault(d => d.Metadata.Name == id) is { } exact) return exact;
        var prefixed = all.Where(d => d.Metadata.Name.StartsWith(id, StringComparison.Ordinal)).ToList();
        return prefixed.Count switch
        {
            1 => prefixed[0],
            0 => throw ApiException.NotFound($"No deployment '{id}' in namespace {ns}; list deployments with `recon deployment list -n {ns}`."),
            _ => throw ApiException.Conflict($"Deployment prefix '{id}' is ambiguous in namespace {ns}; it matches {string.Join(", ", prefixed.Select(d => d.Metadata.Name))}. Give more of the id."),
        };
    }

    private static DeploymentControl Control(HttpContext http) =>
        http.RequestServices.GetService<DeploymentControl>()
        ?? throw ApiException.BadRequest("This agent does not run deployments (its server role is off); send the request to a server agent.");
}
