using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reconciler.Host.Api.Allocations;

/// <summary>
/// The WebSocket protocol of <c>alloc exec</c>, one JSON text message per frame, after Nomad's:
/// to the agent <c>{"stdin":{"data":"base64"}}</c> and <c>{"stdin":{"close":true}}</c>; from the agent
/// <c>{"stdout":{"data":"base64"}}</c>, <c>{"stderr":{"data":"base64"}}</c>, then <c>{"exited":true,"result":{"exitCode":N}}</c>
/// (with <c>"error"</c> when the command could not run).
/// </summary>
public sealed class ExecFrames(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>Sends a chunk of <paramref name="stream"/> (<c>stdin</c>, <c>stdout</c> or <c>stderr</c>).</summary>
    public Task SendDataAsync(string stream, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        SendAsync(new JsonObject { [stream] = new JsonObject { ["data"] = Convert.ToBase64String(data.Span) } }, cancellationToken);

    /// <summary>Tells the agent that stdin ended.</summary>
    public Task SendStdinClosedAsync(CancellationToken cancellationToken) =>
        SendAsync(new JsonObject { ["stdin"] = new JsonObject { ["close"] = true } }, cancellationToken);

    /// <summary>Tells the caller how the command ended.</summary>
    public Task SendExitedAsync(int exitCode, string? error, CancellationToken cancellationToken) =>
        SendAsync(new JsonObject { ["exited"] = true, ["result"] = new JsonObject { ["exitCode"] = exitCode, ["error"] = error } }, cancellationToken);

    /// <summary>The next frame, or null when the other side closed.</summary>
    public async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonNode.Parse(message.ToArray())?.AsObject();
        }
    }

    /// <summary>The bytes of a data frame for <paramref name="stream"/>, or null when the frame is not one.</summary>
    public static byte[]? Data(JsonObject frame, string stream) =>
        frame[stream]?["data"] is JsonValue data ? Convert.FromBase64String(data.GetValue<string>()) : null;

    /// <inheritdoc />
    public void Dispose() => _sending.Dispose();

    private async Task SendAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame);
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }
}
