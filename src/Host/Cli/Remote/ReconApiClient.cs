using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Tls;
using Reconciler.Store;

namespace Reconciler.Host.Cli.Remote;

/// <summary>
/// The HTTP client of every remote command. It sends the token, reads the API's JSON, and turns an unreachable
/// agent or an error body into a <see cref="CommandException"/> a person can act on.
/// </summary>
public sealed class ReconApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpMessageInvoker _sockets;
    private readonly ServerCertificateCheck? _certificates;

    /// <summary>A client for <paramref name="settings"/>.</summary>
    public ReconApiClient(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var handler = AgentHttpHandler.Create(settings.Address);
        if (IsHttps) _certificates = settings.Tls.Load().ApplyTo(handler);
        _http = new HttpClient(handler) { BaseAddress = settings.Address, Timeout = Timeout.InfiniteTimeSpan };
        _sockets = new HttpMessageInvoker(handler, disposeHandler: false);
        // The agent can refuse an oversized body (413) before it is sent, instead of resetting the connection mid-upload.
        _http.DefaultRequestHeaders.ExpectContinue = true;
        if (settings.Token is not null) _http.DefaultRequestHeaders.Add(ApiHeaders.Token, settings.Token);
    }

    /// <summary>Where and as whom this client talks.</summary>
    public ConnectionSettings Settings { get; }

    /// <summary>The kinds the agent serves.</summary>
    public Task<IReadOnlyList<KindDescription>> KindsAsync(CancellationToken cancellationToken) =>
        SendAsync<IReadOnlyList<KindDescription>>(HttpMethod.Get, "/v1/kinds", null, cancellationToken);

    /// <summary>The kind a name stands for (kind or plural, any case), or an error listing the known kinds.</summary>
    public async Task<KindDescription> ResolveKindAsync(string name, CancellationToken cancellationToken)
    {
        var kinds = await KindsAsync(cancellationToken);
        return kinds.FirstOrDefault(k => k.Matches(name))
            ?? throw new CommandException($"Unknown kind '{name}'; the agent serves: {string.Join(", ", kinds.Select(k => k.Plural))}.");
    }

    /// <summary>Lists objects of a kind; <paramref name="ns"/> <c>*</c> for every namespace.</summary>
    public Task<ResourceList> ListAsync(KindDescription kind, string? ns, string? selector, CancellationToken cancellationToken) =>
        SendAsync<ResourceList>(HttpMethod.Get, $"/v1/{kind.Plural}{Query(("namespace", kind.Namespaced ? ns : null), ("selector", selector))}", null, cancellationToken);

    /// <summary>Reads one object (secret values redacted).</summary>
    public Task<JsonObject> GetAsync(KindDescription kind, string name, string ns, CancellationToken cancellationToken) =>
        SendAsync<JsonObject>(HttpMethod.Get, ObjectPath(kind, name, ns), null, cancellationToken);

    /// <summary>Creates or replaces one object from its JSON.</summary>
    public Task<JsonObject> PutAsync(KindDescription kind, string name, string ns, JsonObject resource, CancellationToken cancellationToken) =>
        SendAsync<JsonObject>(HttpMethod.Put, ObjectPath(kind, name, ns), JsonContent.Create(resource, options: ApiJson.Options), cancellationToken);

    /// <summary>Deletes one object.</summary>
    public Task<DeleteResponse> DeleteAsync(KindDescription kind, string name, string ns, CancellationToken cancellationToken) =>
        SendAsync<DeleteResponse>(HttpMethod.Delete, ObjectPath(kind, name, ns), null, cancellationToken);

    /// <summary>Applies manifests (<c>POST /v1/apply</c>).</summary>
    public Task<ApplyResponse> ApplyAsync(ApplyRequest request, CancellationToken cancellationToken) =>
        SendAsync<ApplyResponse>(HttpMethod.Post, "/v1/apply", JsonContent.Create(request, options: ApiJson.Options), cancellationToken);

    /// <summary>Deletes the objects manifests name (<c>POST /v1/delete</c>).</summary>
    public Task<ApplyResponse> DeleteManifestsAsync(ApplyRequest request, CancellationToken cancellationToken) =>
        SendAsync<ApplyResponse>(HttpMethod.Post, "/v1/delete", JsonContent.Create(request, options: ApiJson.Options), cancellationToken);

    /// <summary>Streams a snapshot of the agent's state into <paramref name="destination"/>.</summary>
    public async Task SaveSnapshotAsync(Stream destination, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/operator/snapshot"), cancellationToken);
        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>Replaces the agent's state with the snapshot in <paramref name="source"/>.</summary>
    public Task<SnapshotInfo> RestoreSnapshotAsync(Stream source, CancellationToken cancellationToken) =>
        SendAsync<SnapshotInfo>(HttpMethod.Put, "/v1/operator/snapshot", new StreamContent(source), cancellationToken);

    /// <summary>GETs <paramref name="path"/> and copies the text answer to <paramref name="output"/> as it arrives (a followed log).</summary>
    public async Task StreamTextAsync(string path, TextWriter output, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var buffer = new char[8192];
        for (int read; (read = await reader.ReadAsync(buffer, cancellationToken)) > 0;)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
    }

    /// <summary>GETs <paramref name="path"/> (with its query) and reads the JSON answer.</summary>
    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>POSTs <paramref name="body"/> as JSON (nothing when null) to <paramref name="path"/> and reads the JSON answer.</summary>
    public Task<T> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, body.GetType(), options: ApiJson.Options), cancellationToken);

    /// <summary>POSTs a manifest's text (YAML or JSON) to <paramref name="path"/> and reads the JSON answer.</summary>
    public Task<T> PostManifestAsync<T>(string path, string manifest, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, new StringContent(manifest, Encoding.UTF8, "application/yaml"), cancellationToken);

    /// <summary>DELETEs <paramref name="path"/> and reads the JSON answer.</summary>
    public Task<T> DeleteAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary><paramref name="path"/> under the connection's namespace, with any further query parameters.</summary>
    public string Namespaced(string path, params (string Name, string? Value)[] parameters) =>
        path + Query([("namespace", Settings.Namespace), .. parameters]);

    /// <summary>
    /// Opens a WebSocket to <paramref name="path"/> (ws, or wss for an https agent, over this client's connection and
    /// certificates) with the token; an agent that answers without upgrading throws <see cref="WebSocketException"/>.
    /// </summary>
    public async Task<ClientWebSocket> OpenWebSocketAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        if (Settings.Token is { } token) socket.Options.SetRequestHeader(ApiHeaders.Token, token);
        var uri = new UriBuilder(new Uri(Settings.Address, path)) { Scheme = IsHttps ? "wss" : "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(uri, _sockets, cancellationToken);
            return socket;
        }
        catch (WebSocketException e) when (e.InnerException is HttpRequestException unreachable)
        {
            socket.Dispose();
            throw Unreachable(unreachable);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _sockets.Dispose();
        _http.Dispose();
    }

    private bool IsHttps => Settings.Address.Scheme == Uri.UriSchemeHttps;

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(method, path) { Content = content }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonSerializer.Deserialize<T>(body, ApiJson.Options)
            ?? throw new CommandException($"The agent at {Settings.Address} answered {method} {path} with an empty body.");
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await RefusedAsync(response, cancellationToken);
    }

    private CommandException Unreachable(HttpRequestException e)
    {
        var address = Settings.Address.ToString().TrimEnd('/');
        if (_certificates?.Refusal is { } refusal)
            return new CommandException($"the agent at {address} is not trusted: {refusal} — pass --ca-cert FILE or set RECON_CACERT to the CA that signed it");
        if (IsHttps && e.InnerException is AuthenticationException or IOException)
            return new CommandException($"the agent at {address} ended the TLS connection ({e.GetBaseException().Message}) — if it verifies clients (verify_https_client), pass --client-cert and --client-key (or RECON_CLIENT_CERT, RECON_CLIENT_KEY) signed by its CA");
        if (!IsHttps && e.HttpRequestError is HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse)
            return new CommandException($"the agent at {address} did not answer plain HTTP — if it serves TLS, use https:// in the address");
        var reason = e.InnerException is SocketException socket ? SocketReason(socket.SocketErrorCode) : e.Message;
        return new CommandException($"cannot reach the agent at {address}: {reason} — start one with `recon agent -dev` or set RECON_ADDR");
    }

    private static string SocketReason(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "unknown host",
        SocketError.TimedOut => "timed out",
        _ => error.ToString(),
    };

    private static async Task<CommandException> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ApiErrorBody? body = null;
        try
        {
            body = JsonSerializer.Deserialize<ApiErrorBody>(text, ApiJson.Options);
        }
        catch (JsonException)
        {
        }
        if (body?.Error is not { } error)
            return new CommandException($"the agent answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(text)}");
        var details = error.Details?["errors"] is JsonArray errors
            ? errors.Select(e => e?["text"]?.GetValue<string>()).OfType<string>().ToList()
            : null;
        return new CommandException(error.Message, details) { AgentCode = error.Code };
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static string ObjectPath(KindDescription kind, string name, string ns) =>
        $"/v1/{kind.Plural}/{Uri.EscapeDataString(name)}{Query(("namespace", kind.Namespaced ? ns : null))}";

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).ToList();
        if (given.Count == 0) return "";
        var builder = new StringBuilder("?");
        builder.AppendJoin('&', given.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return builder.ToString();
    }
}
