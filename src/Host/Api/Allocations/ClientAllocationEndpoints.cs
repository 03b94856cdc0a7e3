using System.Globalization;
using Reconciler.Client;
using Reconciler.Drivers.Logs;
using Reconciler.Host.Api.Allocations.Forwarding;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Jobs;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Allocations;

/// <summary>
/// <c>/v1/client/allocation/{id}/logs</c>: a task's stdout or stderr, streamed as it is written with <c>follow=true</c>.
/// Served by the client running the allocation, in this process or forwarded to its agent (<see cref="AllocationAccessRouter"/>).
/// </summary>
public static class ClientAllocationEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapClientAllocationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/client/allocation/{id}/logs", StreamLogsAsync).WithTags("Allocation");
        return app;
    }

    private static async Task StreamLogsAsync(string id, HttpContext http, AllocationLookup lookup, JobRequests requests, AllocationAccessRouter router)
    {
        var ns = JobRequests.Namespace(http.Request);
        var allocation = await lookup.FindAsync(ns, id, http.RequestAborted);
        var task = await TaskNameAsync(requests, ns, allocation, http.Request.Query["task"].ToString(), http.RequestAborted);
        var request = LogRequestFrom(http.Request.Query, allocation.Metadata.Name, task);
        await StreamAsync(http, await router.ForAsync(allocation, http.RequestAborted), request);
    }

    /// <summary>The log request a query asks for: <c>type</c> (stdout or stderr), <c>follow</c>, <c>tail</c> lines and <c>tailBytes</c>.</summary>
    public static LogRequest LogRequestFrom(IQueryCollection query, string allocationId, string task)
    {
        ArgumentNullException.ThrowIfNull(query);
        var stream = query["type"].ToString() switch
        {
            "" or "stdout" => TaskLogStream.Stdout,
            "stderr" => TaskLogStream.Stderr,
            var other => throw ApiException.BadRequest($"type '{other}' is not a log; use type=stdout or type=stderr."),
        };
        int? tail = int.TryParse(query["tail"], NumberStyles.None, CultureInfo.InvariantCulture, out var lines) ? lines : null;
        long? tailBytes = long.TryParse(query["tailBytes"], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : null;
        return new LogRequest { AllocationId = allocationId, TaskName = task, Stream = stream, Follow = query["follow"] == "true", TailLines = tail, TailBytes = tailBytes };
    }

    /// <summary>
    /// Streams the log <paramref name="request"/> names from <paramref name="access"/> as plain text, each chunk flushed
    /// as it comes; a refusal before the first byte is a 409 with the reason.
    /// </summary>
    public static async Task StreamAsync(HttpContext http, IAllocationAccess access, LogRequest request)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
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
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(asked);
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
