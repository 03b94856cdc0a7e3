using System.Globalization;
using Reconciler.Client;
using Reconciler.Drivers.Logs;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Jobs;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Allocations;

/// <summary>
/// <c>/v1/client/allocation/{id}/logs</c>: a task's stdout or stderr, streamed as it is written with <c>follow=true</c>.
/// Served by the client running the allocation (<see cref="IAllocationAccess"/>); an agent without a client says so.
/// </summary>
public static class ClientAllocationEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapClientAllocationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/client/allocation/{id}/logs", StreamLogsAsync).WithTags("Allocation");
        return app;
    }

    /// <summary>The access service of this agent's client, or a 409 saying there is none.</summary>
    public static IAllocationAccess Access(HttpContext http, Allocation allocation) =>
        http.RequestServices.GetService<IAllocationAccess>()
        ?? throw ApiException.Conflict($"Allocation {allocation.Metadata.Name} ({allocation.Spec.Name}) runs on node {allocation.Spec.Node}, "
            + "and this agent runs no client; ask the agent of that node.");

    private static async Task StreamLogsAsync(string id, HttpContext http, AllocationLookup lookup, JobRequests requests)
    {
        var query = http.Request.Query;
        var ns = JobRequests.Namespace(http.Request);
        var allocation = await lookup.FindAsync(ns, id, http.RequestAborted);
        var task = await TaskNameAsync(requests, ns, allocation, query["task"].ToString(), http.RequestAborted);
        var stream = query["type"].ToString() switch
        {
            "" or "stdout" => TaskLogStream.Stdout,
            "stderr" => TaskLogStream.Stderr,
            var other => throw ApiException.BadRequest($"type '{other}' is not a log; use type=stdout or type=stderr."),
        };
        int? tail = int.TryParse(query["tail"], NumberStyles.None, CultureInfo.InvariantCulture, out var lines) ? lines : null;
        var request = new LogRequest { AllocationId = allocation.Metadata.Name, TaskName = task, Stream = stream, Follow = query["follow"] == "true", TailLines = tail };
        var access = Access(http, allocation);
        await using var chunks = access.ReadLogsAsync(request, http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
        bool any;
        try
        {
            any = await chunks.MoveNextAsync();
        }
        catch (AllocationAccessException e)
        {
            throw ApiException.Conflict(e.Message);
        }
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.StartAsync(http.RequestAborted);
        for (; any; any = await chunks.MoveNextAsync())
        {
            await http.Response.Body.WriteAsync(chunks.Current, http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }
    }

    /// <summary>The task <paramref name="asked"/> names in the allocation's group, or its only task when none is named.</summary>
    public static async Task<string> TaskNameAsync(JobRequests requests, string ns, Allocation allocation, string asked, CancellationToken cancellationToken)
    {
        var job = await requests.JobAsync(ns, allocation.Spec.Job, cancellationToken);
        var tasks = job.Spec.Groups.FirstOrDefault(g => g.Name == allocation.Spec.Group)?.Tasks.Select(t => t.Name).ToList() ?? [];
        if (asked.Length > 0)
        {
            return tasks.Contains(asked) ? asked
                : throw ApiException.NotFound($"Allocation {allocation.Spec.Name} has no task '{asked}'; its tasks: {string.Join(", ", tasks)}.");
        }
        return tasks is [var only] ? only
            : throw ApiException.BadRequest($"Allocation {allocation.Spec.Name} runs {tasks.Count} tasks ({string.Join(", ", tasks)}); name one.");
    }
}
