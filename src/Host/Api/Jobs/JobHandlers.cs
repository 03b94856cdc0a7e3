using Reconciler.Clients;
using Reconciler.Deployments;
using Reconciler.Evaluations;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Namespaces;
using Reconciler.Host.Api.Resources;
using Reconciler.Resources.Kinds;
using Reconciler.Scheduling;
using Reconciler.Store;

namespace Reconciler.Host.Api.Jobs;

/// <summary>
/// What the <c>/v1/job/{name}</c> routes do: register with check-index, plan (a dry run of the scheduler), scale,
/// force an evaluation, stop, revert to a recorded version, and the job's allocations, evaluations, deployments and versions.
/// </summary>
public sealed class JobHandlers(IResourceStore store, ResourceClient client, JobRequests requests, NamespaceGuard namespaces, DryRunPlanner planner, Blocking.BlockingQuery blocking)
{
    /// <summary><c>POST /v1/job/{name}/register[?index=N]</c>: writes the job (only at index N when given; 0: only if new) and names its evaluation.</summary>
    public async Task<IResult> RegisterAsync(string name, HttpContext http)
    {
        var job = await requests.ReadJobAsync(http, name);
        await namespaces.EnsureNamespaceExistsAsync(job, new HashSet<string>(), http.RequestAborted);
        var before = await store.GetAsync(job.Key, http.RequestAborted) as Job;
        var stored = Blocking.BlockingQuery.TryReadIndex(http.Request, out var expected)
            ? await JobModifyIndex.RegisterAtAsync(client, job, expected, http.RequestAborted)
            : await SpecChange.RetryAsync(job.Key, async () => await client.ApplyAsync(job, http.RequestAborted), http.RequestAborted); // the job controller writes status meanwhile
        var changed = before is null || before.Metadata.Generation != stored.Metadata.Generation;
        var evaluation = await EvaluationOfAsync(name, stored, changed, EvaluationTrigger.JobRegister, http.RequestAborted);
        ResourceHandlers.SetIndex(http, stored.Metadata.ResourceVersion);
        return Results.Json(new JobRegisterResponse(stored.Key.ToString(), evaluation, JobModifyIndex.Of(stored), stored.Metadata.Generation, changed), ApiJson.Options);
    }

    /// <summary><c>POST /v1/job/{name}/plan</c>: what registering the body would change, written nowhere.</summary>
    public async Task<IResult> PlanAsync(string name, HttpContext http)
    {
        var proposed = await requests.ReadJobAsync(http, name);
        var registered = await store.GetAsync(proposed.Key, http.RequestAborted) as Job;
        var plan = await planner.PlanAsync(proposed, http.RequestAborted);
        var diff = UpdateAnnotation.Annotate(JobFieldDiff.Of(registered is null ? null : RedactedView.UserFields(registered)["spec"], RedactedView.UserFields(proposed)["spec"], "spec"));
        var groups = proposed.Spec.Groups.Select(g => g.Name).Union(plan.Changes.Keys)
            .Select(g => plan.Changes.TryGetValue(g, out var c)
                ? new GroupPlan(g, c.Place, c.Stop, c.InPlaceUpdate, c.DestructiveUpdate, c.Migrate, c.Ignore)
                : new GroupPlan(g, 0, 0, 0, 0, 0, 0))
            .ToList();
        var failures = plan.Failures.ToDictionary(f => f.Key, f => f.Value.Description);
        ResourceHandlers.SetIndex(http, registered?.Metadata.ResourceVersion ?? 0);
        return Results.Json(new JobPlanResponse(proposed.Key.ToString(), diff, groups, failures, JobModifyIndex.Of(registered), registered is not null), ApiJson.Options);
    }

    /// <summary><c>POST /v1/job/{name}/scale</c>: sets one group's count; the job controller evaluates it as a scaling.</summary>
    public async Task<IResult> ScaleAsync(string name, ScaleRequest request, HttpContext http)
    {
        if (request.Count < 0) throw ApiException.BadRequest($"A count cannot be negative ({request.Count}).");
        var job = await requests.JobAsync(JobRequests.Namespace(http.Request), name, http.RequestAborted);
        var group = ScaledGroup(job, request.Group);
        var stored = await SpecChange.ApplyAsync(client, job,
            j => j with { Spec = j.Spec with { Groups = [.. j.Spec.Groups.Select(g => g.Name == group ? g with { Count = request.Count } : g)] } }, http.RequestAborted);
        var evaluation = await EvaluationOfAsync(name, stored, stored.Metadata.Generation != job.Metadata.Generation, EvaluationTrigger.JobScaling, http.RequestAborted);
        return Created(http, evaluation, stored.Metadata.ResourceVersion);
    }

    /// <summary><c>POST /v1/job/{name}/evaluate</c>: a new evaluation of the job as it is.</summary>
    public async Task<IResult> EvaluateAsync(string name, HttpContext http)
    {
        var job = await requests.JobAsync(JobRequests.Namespace(http.Request), name, http.RequestAborted);
        return Created(http, await EvaluateAsync(job, EvaluationTrigger.JobRegister, http.RequestAborted), store.Revision);
    }

    /// <summary>
    /// <c>DELETE /v1/job/{name}[?purge=true]</c>, Nomad's deregister: stopping writes a new version of the job with
    /// <c>stop: true</c>, whose evaluation stops every allocation (the job stays, dead, until run again); <c>purge</c> deletes
    /// the job, and its deregister finalizer removes its allocations and evaluations once they stopped.
    /// </summary>
    public async Task<IResult> StopAsync(string name, HttpContext http)
    {
        var job = await requests.JobAsync(JobRequests.Namespace(http.Request), name, http.RequestAborted);
        if (http.Request.Query["purge"] == "true")
        {
            await SpecChange.RetryAsync(job.Key, async () => await client.DeleteAsync(job.Key, http.RequestAborted), http.RequestAborted);
            var deregister = job.Metadata.Uid is { } uid ? EvaluationNames.Deregister(name, uid) : null;
            return Created(http, deregister, store.Revision);
        }
        if (job.Spec.Stop == true) return Created(http, null, job.Metadata.ResourceVersion);
        var stopped = await SpecChange.ApplyAsync(client, job, j => j with { Spec = j.Spec with { Stop = true } }, http.RequestAborted);
        return Created(http, EvaluationNames.ForVersion(name, stopped.Metadata.Generation), stopped.Metadata.ResourceVersion);
    }

    /// <summary><c>GET /v1/job/{name}/allocations</c>; blocking with <c>?index=&amp;wait=</c>, as the other lists.</summary>
    public Task<IResult> AllocationsAsync(string name, HttpContext http) =>
        OfJobAsync<Allocation>("Allocation", name, a => a.Spec.Job, http);

    /// <summary><c>GET /v1/job/{name}/evaluations</c>.</summary>
    public Task<IResult> EvaluationsAsync(string name, HttpContext http) =>
        OfJobAsync<Evaluation>("Evaluation", name, e => e.Spec.Job, http);

    /// <summary><c>GET /v1/job/{name}/deployments</c>.</summary>
    public Task<IResult> DeploymentsAsync(string name, HttpContext http) =>
        OfJobAsync<Deployment>("Deployment", name, d => d.Spec.Job, http);

    /// <summary><c>GET /v1/job/{name}/versions</c>: the job's recorded versions (<see cref="JobVersion"/>, with stable flags), newest first.</summary>
    public async Task<IResult> VersionsAsync(string name, HttpContext http)
    {
        var ns = JobRequests.Namespace(http.Request);
        var job = await requests.JobAsync(ns, name, http.RequestAborted);
        // The history controller records a new version a moment after the job changed; recording it here (harmless when
        // recorded already) means the history always shows the version the job is at.
        await History(http).RecordAsync(job, http.RequestAborted);
        var revision = store.Revision;
        var versions = await History(http).VersionsAsync(ns, name, http.RequestAborted);
        ResourceHandlers.SetIndex(http, revision);
        return Results.Json(new ResourceList([.. versions.Select(RedactedView.ToJson)], revision), ApiJson.Options);
    }

    /// <summary>
    /// <c>POST /v1/job/{name}/revert</c>: registers a recorded version's spec as the job's new version (only while the
    /// job is at <see cref="RevertRequest.EnforcePriorVersion"/> when given); the job controller evaluates it.
    /// </summary>
    public async Task<IResult> RevertAsync(string name, RevertRequest request, HttpContext http)
    {
        var job = await requests.JobAsync(JobRequests.Namespace(http.Request), name, http.RequestAborted);
        var reverter = http.RequestServices.GetService<JobReverter>() ?? throw NoDeployments();
        var result = await reverter.RevertAsync(job.Key, request.Version, request.EnforcePriorVersion, http.RequestAborted);
        if (!result.Succeeded) throw ApiException.Conflict($"Cannot revert job '{name}': {result.Error}.");
        var reverted = result.Job!;
        ResourceHandlers.SetIndex(http, reverted.Metadata.ResourceVersion);
        return Results.Json(new JobRegisterResponse(reverted.Key.ToString(), EvaluationNames.ForVersion(name, reverted.Metadata.Generation), JobModifyIndex.Of(reverted), reverted.Metadata.Generation, true), ApiJson.Options);
    }

    private static JobHistory History(HttpContext http) => http.RequestServices.GetService<JobHistory>() ?? throw NoDeployments();

    private static ApiException NoDeployments() =>
        ApiException.BadRequest("This agent keeps no job history (its server role, which runs deployments, is off); send the request to a server agent.");

    private async Task<IResult> OfJobAsync<T>(string kind, string name, Func<T, string> jobOf, HttpContext http) where T : Reconciler.Resources.Model.Resource
    {
        var ns = JobRequests.Namespace(http.Request);
        await requests.JobAsync(ns, name, http.RequestAborted);
        await blocking.WaitAsync(http.Request, http.RequestAborted);
        var revision = store.Revision;
        var items = await requests.ListAsync<T>(kind, ns, r => jobOf(r) == name, http.RequestAborted);
        ResourceHandlers.SetIndex(http, revision);
        return Results.Json(new ResourceList([.. items.OrderBy(i => i.Metadata.CreatedAt).Select(RedactedView.ToJson)], revision), ApiJson.Options);
    }

    // The job controller evaluates every new version under this name; an unchanged job is evaluated anew, as in Nomad.
    private async Task<string> EvaluationOfAsync(string name, Job stored, bool changed, EvaluationTrigger trigger, CancellationToken cancellationToken) =>
        changed ? EvaluationNames.ForVersion(name, stored.Metadata.Generation) : await EvaluateAsync(stored, trigger, cancellationToken);

    private async Task<string> EvaluateAsync(Job job, EvaluationTrigger trigger, CancellationToken cancellationToken)
    {
        var evaluation = await client.ApplyAsync(EvaluationFactory.For(job, trigger), cancellationToken);
        return evaluation.Metadata.Name;
    }

    private static string ScaledGroup(Job job, string? group)
    {
        if (group is null)
        {
            return job.Spec.Groups is [var only]
                ? only.Name
                : throw ApiException.BadRequest($"Job '{job.Metadata.Name}' has {job.Spec.Groups.Count} groups ({string.Join(", ", job.Spec.Groups.Select(g => g.Name))}); name the group to scale.");
        }
        return job.Spec.Groups.Any(g => g.Name == group)
            ? group
            : throw ApiException.NotFound($"Job '{job.Metadata.Name}' has no group '{group}'; its groups: {string.Join(", ", job.Spec.Groups.Select(g => g.Name))}.");
    }

    private static IResult Created(HttpContext http, string? evaluation, long index)
    {
        ResourceHandlers.SetIndex(http, index);
        return Results.Json(new EvaluationCreated(evaluation, index), ApiJson.Options);
    }
}
