using System.Globalization;
using System.Net;
using System.Security.Authentication;
using System.Text.Json;
using Polly;
using Polly.Retry;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Internal;
using Reconciler.Host.Tls;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Agent.Remote;

/// <summary>
/// One call to the servers' node-facing store API with the client's identity (node name, agents' token): a connection
/// failure, a timeout or a 502/503/504 is retried on the next server with exponential backoff and jitter (Polly); the
/// server's own answers (409 conflict, 410 gone, 403 refused) are not, and come back as the store's exceptions. Tracks
/// the highest revision any answer carried, and logs one warning per outage and one line when a server answers again.
/// </summary>
internal sealed class RemoteCalls : IDisposable
{
    private readonly HttpClient _http;
    private readonly ServerCertificateCheck _certificates;
    private readonly RemoteServers _servers;
    private readonly RemoteStoreOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _bounded;
    private readonly ResiliencePipeline _unbounded;
    private long _revision;
    private int _failing;

    public RemoteCalls(RemoteServers servers, RemoteStoreOptions options, TimeProvider time, ILogger logger)
    {
        (_servers, _options, _logger) = (servers, options, logger);
        // Watches live for hours: only connecting is bounded; each request has its own timeout.
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) };
        _certificates = options.Tls.ApplyTo(handler);
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _bounded = Pipeline(options.RequestRetries, time);
        _unbounded = Pipeline(int.MaxValue, time);
    }

    /// <summary>The highest revision a server's answer carried.</summary>
    public long Revision => Interlocked.Read(ref _revision);

    /// <summary>
    /// Sends a request and returns the successful (2xx) response. <paramref name="untilAnswered"/> retries for as long as
    /// it takes (connecting, watching) and reads only the headers before returning; otherwise a request that still fails
    /// after its retries throws <see cref="ServersUnavailableException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, byte[]? body, bool untilAnswered, CancellationToken cancellationToken)
    {
        try
        {
            return await (untilAnswered ? _unbounded : _bounded).ExecuteAsync(
                async token => await AttemptAsync(method, pathAndQuery, body, untilAnswered, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new ServersUnavailableException($"cannot reach the servers ({_servers}) for {method} {pathAndQuery}: {Reason(e)}", e);
        }
    }

    /// <summary>Reads a JSON body.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> AttemptAsync(HttpMethod method, string pathAndQuery, byte[]? body, bool headersOnly, CancellationToken cancellationToken)
    {
        var server = _servers.Current;
        using var request = new HttpRequestMessage(method, new Uri(server, pathAndQuery));
        request.Headers.Add(NodeStoreRoutes.NodeHeader, _options.NodeName);
        if (_options.Token is { } token) request.Headers.Add(ApiHeaders.Token, token);
        if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!headersOnly) timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, headersOnly ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{server.Authority} did not answer within {_options.RequestTimeout.TotalSeconds:0}s");
        }
        if (response.Headers.TryGetValues(ApiHeaders.Index, out var index)
            && long.TryParse(index.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            Advance(revision);
        if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            response.Dispose();
            throw new HttpRequestException($"{server.Authority} answered {(int)response.StatusCode}", null, response.StatusCode);
        }
        if (Interlocked.Exchange(ref _failing, 0) == 1) _logger.LogInformation("Server {Server} answers again.", server.Authority);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await RefusalAsync(response, method, pathAndQuery, cancellationToken).ConfigureAwait(false);
    }

    // The server answered and said no: its error body becomes the store's own exception where there is one.
    private async Task<Exception> RefusalAsync(HttpResponseMessage response, HttpMethod method, string pathAndQuery, CancellationToken cancellationToken)
    {
        string message;
        JsonElement details = default;
        try
        {
            using var body = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            var error = body.RootElement.GetProperty("error");
            message = error.GetProperty("message").GetString() ?? "";
            if (error.TryGetProperty("details", out var d)) details = d.Clone();
        }
        catch (JsonException)
        {
            message = $"answered {(int)response.StatusCode} without an error body";
        }
        catch (KeyNotFoundException)
        {
            message = $"answered {(int)response.StatusCode} without an error body";
        }
        return response.StatusCode switch
        {
            HttpStatusCode.Conflict when details.ValueKind == JsonValueKind.Object => new ConflictException(ResourceKey.Parse(details.GetProperty("key").GetString()!),
                details.TryGetProperty("expectedIndex", out var expected) && expected.ValueKind == JsonValueKind.Number ? expected.GetInt64() : null,
                details.GetProperty("currentIndex").GetInt64()),
            HttpStatusCode.Gone => new CompactedException(0, details.ValueKind == JsonValueKind.Object && details.TryGetProperty("oldestIndex", out var oldest) ? oldest.GetInt64() : 0, message),
            _ => new InvalidOperationException($"server {_servers.Current.Authority} refused {method} {pathAndQuery}: {message}"),
        };
    }

    private ResiliencePipeline Pipeline(int retries, TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = retries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.FirstRetryDelay,
            MaxDelay = _options.MaxRetryDelay,
            OnRetry = args =>
            {
                var failed = _servers.Current.Authority;
                _servers.Next();
                if (Interlocked.Exchange(ref _failing, 1) == 0)
                    _logger.LogWarning("Cannot reach server {Server} ({Error}); retrying with backoff on {Servers}.", failed, Reason(args.Outcome.Exception), _servers.ToString());
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    // A TLS handshake's own message says to look inside; the certificate check knows what was wrong.
    private string? Reason(Exception? e) => e is HttpRequestException { InnerException: AuthenticationException handshake }
        ? $"TLS handshake failed: {_certificates.Refusal ?? handshake.Message}; check tls.ca_file, cert_file and key_file"
        : e?.Message;

    private static bool IsTransient(Exception e) => e is HttpRequestException or TimeoutException or IOException;

    private void Advance(long revision)
    {
        for (var current = Interlocked.Read(ref _revision); revision > current; current = Interlocked.Read(ref _revision))
            if (Interlocked.CompareExchange(ref _revision, revision, current) == current) return;
    }
}
