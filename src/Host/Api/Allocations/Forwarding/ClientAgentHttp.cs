using System.Net;
using System.Net.WebSockets;
using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Api.Allocations.Forwarding;

/// <summary>
/// The connections an agent opens to client agents to forward allocation requests: one pooled <see cref="HttpClient"/>
/// whose connecting is bounded (<see cref="ForwardingOptions.ConnectTimeout"/>) but whose streams are not, since a
/// followed log lives as long as its reader; each request carries the agents' token, and an https client agent is
/// checked against the agents' CA and shown this agent's certificate (<see cref="ForwardingOptions.Tls"/>), the exec
/// WebSocket (wss) included.
/// </summary>
public sealed class ClientAgentHttp : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Connections with <paramref name="options"/>' timeouts and token.</summary>
    public ClientAgentHttp(ForwardingOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var handler = new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout };
        options.Tls.ApplyTo(handler);
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The timeouts and token.</summary>
    public ForwardingOptions Options { get; }

    /// <summary>
    /// Why nothing may be sent to the client agent at <paramref name="agent"/>: it serves plain http while
    /// <see cref="ForwardingOptions.RequireTls"/> (<c>[tls] rpc</c>); null when it may. Every request and exec checks it.
    /// </summary>
    public string? PlainHttpRefusal(Uri agent) =>
        Options.RequireTls && agent.Scheme != Uri.UriSchemeHttps
            ? $"its client agent serves plain http ({agent.GetLeftPart(UriPartial.Authority)}) while [tls] rpc is on here, so nothing is forwarded"
              + " to it unencrypted; turn on [tls] http (with its certificate) on that client agent"
            : null;

    private void EnsureAllowed(Uri agent)
    {
        if (PlainHttpRefusal(agent) is { } refusal) throw new InvalidOperationException(refusal);
    }

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="pathAndQuery"/> to the agent at <paramref name="agent"/> and returns
    /// once the response's headers arrived (within <see cref="ForwardingOptions.AnswerTimeout"/>); the body streams after.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri agent, string pathAndQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        EnsureAllowed(agent);
        using var request = new HttpRequestMessage(method, new Uri(agent, pathAndQuery));
        if (Options.AgentToken is { } token) request.Headers.Add(ApiHeaders.Token, token);
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(Options.AnswerTimeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, answer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {Options.AnswerTimeout.TotalSeconds:0}s");
        }
    }

    /// <summary>
    /// Opens the exec WebSocket at <paramref name="pathAndQuery"/> on the agent at <paramref name="agent"/>; an agent that
    /// answers without upgrading throws <see cref="HttpRequestException"/> with its status code.
    /// </summary>
    public async Task<ClientWebSocket> ConnectAsync(Uri agent, string pathAndQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        EnsureAllowed(agent);
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (Options.AgentToken is { } token) socket.Options.SetRequestHeader(ApiHeaders.Token, token);
        var uri = new UriBuilder(new Uri(agent, pathAndQuery)) { Scheme = agent.Scheme == "https" ? "wss" : "ws" }.Uri;
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(Options.AnswerTimeout);
        try
        {
            await socket.ConnectAsync(uri, _http, answer.Token).ConfigureAwait(false);
            return socket;
        }
        catch (WebSocketException e) when (socket.HttpStatusCode is not 0 and not HttpStatusCode.SwitchingProtocols)
        {
            // The agent answered, and not with an upgrade: a refusal, not an outage.
            var status = socket.HttpStatusCode;
            socket.Dispose();
            throw new HttpRequestException(e.Message, e, status);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"no answer within {Options.AnswerTimeout.TotalSeconds:0}s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
