using Reconciler.Clients;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Jobs;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Kinds;
using Reconciler.Store;

namespace Reconciler.Host.Api.Nodes;

/// <summary>What the <c>/v1/node/{name}</c> routes do: status with allocations, drain, eligibility. The node controller does the rest.</summary>
public sealed class NodeHandlers(IResourceStore store, ResourceClient client, JobRequests requests, TimeProvider time)
{
    /// <summary><c>GET /v1/node/{name}</c>: the node and every allocation placed on it.</summary>
    public async Task<IResult> GetAsync(string name, HttpContext http)
    {
        var revision = store.Revision;
        var node = await requests.NodeAsync(name, http.RequestAborted);
        var allocations = await requests.ListAsync<Allocation>("Allocation", null, a => a.Spec.Node == name, http.RequestAborted);
        ResourceHandlers.SetIndex(http, revision);
        return Results.Json(new NodeWithAllocations(RedactedView.ToJson(node), [.. allocations.Select(RedactedView.ToJson)]), ApiJson.Options);
    }

    /// <summary><c>POST /v1/node/{name}/drain</c>: enabling makes the node ineligible and starts the drain; disabling ends it and makes it eligible.</summary>
    public async Task<IResult> DrainAsync(string name, DrainRequest request, HttpContext http)
    {
        var node = await requests.NodeAsync(name, http.RequestAborted);
        var drain = new DrainStrategy { Deadline = request.Deadline ?? new DrainStrategy().Deadline, StartedAt = time.GetUtcNow() };
        return await WriteAsync(node, n => n with
        {
            Spec = request.Enable
                ? n.Spec with { SchedulingEligibility = SchedulingEligibility.Ineligible, Drain = drain }
                : n.Spec with { SchedulingEligibility = SchedulingEligibility.Eligible, Drain = null },
        }, http);
    }

    /// <summary><c>POST /v1/node/{name}/eligibility</c>.</summary>
    public async Task<IResult> EligibilityAsync(string name, EligibilityRequest request, HttpContext http)
    {
        var node = await requests.NodeAsync(name, http.RequestAborted);
        var eligibility = request.Eligible ? SchedulingEligibility.Eligible : SchedulingEligibility.Ineligible;
        return await WriteAsync(node, n => n with { Spec = n.Spec with { SchedulingEligibility = eligibility } }, http);
    }

    private async Task<IResult> WriteAsync(Node node, Func<Node, Node> change, HttpContext http)
    {
        var stored = await SpecChange.ApplyAsync(client, node, change, http.RequestAborted);
        ResourceHandlers.SetIndex(http, stored.Metadata.ResourceVersion);
        return Results.Json(RedactedView.ToJson(stored), ApiJson.Options);
    }
}
