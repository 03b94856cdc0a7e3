using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Text.Json;
using Reconciler.Client;
using Reconciler.Host.Api.Allocations.Forwarding;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Jobs;

namespace Reconciler.Host.Api.Allocations;

/// <summary>
/// <c>GET /v1/client/allocation/{id}/exec?task=&amp;command=["cat","/etc/resolv.conf"]&amp;tty=</c> upgraded to a WebSocket:
/// runs the command inside the running task through the client (here or forwarded, <see cref="AllocationAccessRouter"/>) and streams stdin, stdout, stderr and the exit code as
/// <see cref="ExecFrames"/>. Everything that can be refused is refused before the upgrade, as a normal error body.
/// </summary>
public static class ExecEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapExecEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/client/allocation/{id}/exec", ExecAsync).WithTags("Allocation");
        return app;
    }

    private static async Task ExecAsync(string id, HttpContext http, AllocationLookup lookup, JobRequests requests, AllocationAccessRouter router)
    {
        if (!http.WebSockets.IsWebSocketRequest) throw ApiException.BadRequest("exec is a WebSocket; connect with `recon alloc exec` or a WebSocket client.");
        var ns = JobRequests.Namespace(http.Request);
        var allocation = await lookup.FindAsync(ns, id, http.RequestAborted);
        var task = await ClientAllocationEndpoints.TaskNameAsync(requests, ns, allocation, http.Request.Query["task"].ToString(), http.RequestAborted);
        var command = ReadCommand(http.Request.Query["command"].ToString());
        await ServeAsync(http, await router.ForAsync(allocation, http.RequestAborted), allocation.Metadata.Name, task, command);
    }

    /// <summary>
    /// Accepts the WebSocket and runs <paramref name="command"/> in <paramref name="task"/> through <paramref name="access"/>:
    /// stdin frames in, stdout and stderr frames out, then the exited frame (with the error when it could not run).
    /// </summary>
    public static async Task ServeAsync(HttpContext http, IAllocationAccess access, string allocationId, string task, IReadOnlyList<string> command)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(access);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var frames = new ExecFrames(socket);
        var stdin = new Pipe();
        var pump = PumpStdinAsync(frames, stdin.Writer, http.RequestAborted);
        var request = new AllocationExecRequest
        {
            AllocationId = allocationId,
            TaskName = task,
            Command = command,
            Tty = http.Request.Query["tty"] == "true",
            Stdin = stdin.Reader.AsStream(),
            Stdout = new FrameStream(frames, "stdout", http.RequestAborted),
            Stderr = new FrameStream(frames, "stderr", http.RequestAborted),
        };
        Drivers.ExecResult result;
        try
        {
            result = await access.ExecAsync(request, http.RequestAborted);
        }
        catch (AllocationAccessException e)
        {
            result = Drivers.ExecResult.Failure(e.Message);
        }
        await frames.SendExitedAsync(result.ExitCode, result.Error, http.RequestAborted);
        // Cancelling a pending receive would abort the socket; the caller closes its side on the exited frame instead.
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "exited", http.RequestAborted);
        await pump;
    }

    /// <summary>The program and arguments of a <c>command=</c> query: a JSON array of strings.</summary>
    public static IReadOnlyList<string> ReadCommand(string text)
    {
        string[]? command = null;
        try
        {
            command = text.Length == 0 ? null : JsonSerializer.Deserialize<string[]>(text);
        }
        catch (JsonException)
        {
        }
        return command is { Length: > 0 } ? command : throw ApiException.BadRequest("command must be a JSON array of the program and its arguments, e.g. command=[\"cat\",\"/etc/resolv.conf\"].");
    }

    private static async Task PumpStdinAsync(ExecFrames frames, PipeWriter stdin, CancellationToken cancellationToken)
    {
        try
        {
            while (await frames.ReceiveAsync(cancellationToken) is { } frame)
            {
                if (ExecFrames.Data(frame, "stdin") is { } data) await stdin.WriteAsync(data, cancellationToken);
                if (frame["stdin"]?["close"] is not null) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The command ended or the caller went away; stdin ends either way.
        }
        await stdin.CompleteAsync();
    }
}
