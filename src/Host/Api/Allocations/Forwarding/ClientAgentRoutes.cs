using System.Globalization;
using System.Text.Json;
using Reconciler.Client;
using Reconciler.Drivers.Logs;

namespace Reconciler.Host.Api.Allocations.Forwarding;

/// <summary>
/// The routes a client agent serves to other agents for its own allocations (<see cref="NodeAllocationEndpoints"/>):
/// a server forwards logs, exec, restart and stats of a remote node's allocation there, with the id and task already resolved.
/// </summary>
public static class ClientAgentRoutes
{
    /// <summary>The route group; <c>{id}</c> is the full allocation id.</summary>
    public const string Group = "/v1/internal/client/allocation/{id}";

    /// <summary><c>GET</c>: a task's log (<c>task</c>, <c>type</c>, <c>follow</c>, <c>tail</c>, <c>tailBytes</c>), streamed.</summary>
    public static string Logs(LogRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Path(request.AllocationId, "logs", ("task", request.TaskName), ("type", request.Stream == TaskLogStream.Stderr ? "stderr" : "stdout"),
            ("follow", request.Follow ? "true" : null), ("tail", request.TailLines?.ToString(CultureInfo.InvariantCulture)),
            ("tailBytes", request.TailBytes?.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary><c>GET</c> upgraded to a WebSocket of <see cref="ExecFrames"/> (<c>task</c>, <c>command</c>, <c>tty</c>).</summary>
    public static string Exec(AllocationExecRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Path(request.AllocationId, "exec", ("task", request.TaskName), ("command", JsonSerializer.Serialize(request.Command)), ("tty", request.Tty ? "true" : null));
    }

    /// <summary><c>POST</c>: restarts one task (<c>task</c>) or all of them.</summary>
    public static string Restart(string allocationId, string? taskName) => Path(allocationId, "restart", ("task", taskName));

    /// <summary><c>GET</c>: what the allocation's running tasks use now (<see cref="Reconciler.Client.Stats.AllocationUsage"/>).</summary>
    public static string Stats(string allocationId) => Path(allocationId, "stats");

    /// <summary><c>GET</c>: what the client's machine uses now (<see cref="Reconciler.Client.Stats.HostUsage"/>).</summary>
    public const string HostStats = "/v1/internal/client/stats";

    private static string Path(string allocationId, string action, params (string Name, string? Value)[] query)
    {
        var pairs = query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}");
        return $"{Group.Replace("{id}", Uri.EscapeDataString(allocationId), StringComparison.Ordinal)}/{action}?{string.Join('&', pairs)}";
    }
}
