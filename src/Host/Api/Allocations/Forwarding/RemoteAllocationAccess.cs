using System.Net;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Client;
using Reconciler.Client.Stats;
using Reconciler.Host.Api.Contracts;
using Reconciler.Drivers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Allocations.Forwarding;

/// <summary>
/// <see cref="IAllocationAccess"/> of another node's client agent, over its <see cref="ClientAgentRoutes"/>: a log is
/// streamed through chunk by chunk as the agent sends it, exec is relayed frame by frame over a WebSocket both ways
/// (exit code included), a restart and a stats sample are one call each. A node that cannot be reached is an <see cref="AllocationAccessException"/>
/// saying which node, at which address, and why.
/// </summary>
public sealed class RemoteAllocationAccess(ClientAgentHttp http, string nodeName, Node? node) : IAllocationAccess
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadLogsAsync(LogRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await SendAsync(HttpMethod.Get, ClientAgentRoutes.Logs(request), request.AllocationId, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict) throw new AllocationAccessException(await MessageAsync(response, cancellationToken).ConfigureAwait(false));
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[16 * 1024];
        for (int read; (read = await ReadAsync(body, buffer, cancellationToken).ConfigureAwait(false)) > 0;)
            yield return buffer.AsMemory(0, read).ToArray();
    }

    /// <inheritdoc />
    public async Task<ExecResult> ExecAsync(AllocationExecRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agent = Agent(request.AllocationId);
        ClientWebSocket socket;
        try
        {
            socket = await http.ConnectAsync(agent, ClientAgentRoutes.Exec(request), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or TimeoutException or IOException)
        {
            throw Failed(request.AllocationId, agent, e);
        }
        using (socket)
        using (var frames = new ExecFrames(socket))
        using (var stdinDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var stdin = PumpStdinAsync(frames, request.Stdin, stdinDone.Token);
            try
            {
                return await RelayAsync(frames, request, cancellationToken).ConfigureAwait(false)
                    ?? ExecResult.Failure($"the client agent of node {nodeName} ({agent.Authority}) closed the exec connection before the command exited");
            }
            catch (WebSocketException e)
            {
                throw Unreachable(request.AllocationId, agent, $"the exec connection broke ({e.Message})");
            }
            finally
            {
                await stdinDone.CancelAsync().ConfigureAwait(false);
                await stdin.ConfigureAwait(false);
                await CloseAsync(socket).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<string?> RestartAsync(string allocationId, string? taskName, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, ClientAgentRoutes.Restart(allocationId, taskName), allocationId, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Conflict ? await MessageAsync(response, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <inheritdoc />
    public async Task<AllocationUsage> StatsAsync(string allocationId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, ClientAgentRoutes.Stats(allocationId), allocationId, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict) throw new AllocationAccessException(await MessageAsync(response, cancellationToken).ConfigureAwait(false));
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<AllocationUsage>(text, ApiJson.Options)
            ?? throw new AllocationAccessException($"the client agent of node {nodeName} answered no stats for allocation {Short(allocationId)}");
    }

    // A successful or 409 answer comes back (409 is the client's own "not here, not running"); anything else is a failure to read.
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string allocationId, CancellationToken cancellationToken)
    {
        var agent = Agent(allocationId);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(method, agent, pathAndQuery, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException)
        {
            throw Unreachable(allocationId, agent, e.Message);
        }
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict) return response;
        using (response)
        {
            var message = await MessageAsync(response, cancellationToken).ConfigureAwait(false);
            throw Refused(agent, (int)response.StatusCode, message);
        }
    }

    private Uri Agent(string allocationId)
    {
        if (node is null)
            throw new AllocationAccessException($"allocation {Short(allocationId)} runs on node {nodeName}, which is not registered; check the client agent of that node.");
        if (node.Status.HttpAddress is not { Length: > 0 } address)
            throw new AllocationAccessException($"allocation {Short(allocationId)} runs on node {nodeName}, which advertises no HTTP address to reach its client agent by"
                + $"{DownNote()}; check the client agent (it advertises its address when it heartbeats).");
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new AllocationAccessException($"allocation {Short(allocationId)} runs on node {nodeName}, whose advertised HTTP address '{address}' is not an http(s) URL; check the client agent.");
        if (http.PlainHttpRefusal(uri) is { } refusal)
            throw new AllocationAccessException($"allocation {Short(allocationId)} runs on node {nodeName}, whose {refusal}.");
        return uri;
    }

    private AllocationAccessException Failed(string allocationId, Uri agent, Exception e) =>
        e is HttpRequestException { StatusCode: { } status } ? Refused(agent, (int)status, $"it answered {(int)status} to the exec upgrade")
        : Unreachable(allocationId, agent, e.Message);

    private AllocationAccessException Unreachable(string allocationId, Uri agent, string reason) =>
        new($"allocation {Short(allocationId)} runs on node {nodeName} ({agent.GetLeftPart(UriPartial.Authority)}), which does not answer: {reason}{DownNote()}; check the client agent.");

    private AllocationAccessException Refused(Uri agent, int status, string message) =>
        new($"the client agent of node {nodeName} ({agent.GetLeftPart(UriPartial.Authority)}) refused: {message}"
            + (status == StatusCodes.Status403Forbidden ? " (the servers and their clients need the same acl.agent_token)" : ""));

    private string DownNote() => node?.Status.State == NodeState.Down ? $" (the node is down: {node.Status.Description})" : "";

    private static string Short(string allocationId) => allocationId.Length > 8 ? allocationId[..8] : allocationId;

    // The error body's message, or what the status says when there is none.
    private static async Task<string> MessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (JsonNode.Parse(text)?["error"]?["message"] is JsonValue message) return message.GetValue<string>();
        }
        catch (JsonException)
        {
        }
        return $"it answered {(int)response.StatusCode} {response.ReasonPhrase}";
    }

    // A log stream the agent broke off (it stopped, the connection dropped) ends the log here.
    private static async Task<int> ReadAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task<ExecResult?> RelayAsync(ExecFrames frames, AllocationExecRequest request, CancellationToken cancellationToken)
    {
        while (await frames.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } frame)
        {
            if (ExecFrames.Data(frame, "stdout") is { } output) await request.Stdout.WriteAsync(output, cancellationToken).ConfigureAwait(false);
            if (ExecFrames.Data(frame, "stderr") is { } error) await request.Stderr.WriteAsync(error, cancellationToken).ConfigureAwait(false);
            if (frame["exited"] is null) continue;
            var result = frame["result"];
            return result?["error"] is JsonValue failure ? ExecResult.Failure(failure.GetValue<string>()) : ExecResult.Exited(result?["exitCode"]?.GetValue<int>() ?? -1);
        }
        return null;
    }

    private static async Task PumpStdinAsync(ExecFrames frames, Stream? stdin, CancellationToken cancellationToken)
    {
        try
        {
            if (stdin is not null)
            {
                var buffer = new byte[4096];
                for (int read; (read = await stdin.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0;)
                    await frames.SendDataAsync("stdin", buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            await frames.SendStdinClosedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
        {
            // The command ended or the connection went away; there is no one left to feed.
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "exited", CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
    }
}
