using System.Runtime.CompilerServices;
using System.Text;
using Reconciler.Host.Api.Internal;
using Reconciler.Resources.Json;
using Reconciler.Resources.Model;
using Reconciler.Store;

namespace Reconciler.Host.Agent.Remote;

/// <summary>
/// The store of a client-only agent: the servers' store, reached over HTTP through their node-facing API
/// (<see cref="NodeStoreRoutes"/>), scoped by the servers to what this node needs. Requests retry on the next server
/// with backoff and then fail (the controllers back off); a watch never gives up: when the connection is lost it
/// reconnects with backoff and resumes after the last revision it heard of, and when the servers say those revisions
/// are gone it throws <see cref="CompactedException"/>, so the informer lists again. Tasks keep running meanwhile:
/// nothing here stops them.
/// </summary>
public sealed class HttpResourceStore : IResourceStore
{
    private readonly RemoteCalls _calls;
    private readonly StoreWire _wire;
    private readonly RemoteStoreOptions _options;
    private readonly RemoteServers _servers;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A store over <paramref name="servers"/> for <paramref name="options"/>' node.</summary>
    public HttpResourceStore(RemoteServers servers, RemoteStoreOptions options, ResourceJson json, TimeProvider time, ILogger<HttpResourceStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_servers, _options, _time, _logger) = (servers, options, time, logger);
        _wire = new StoreWire(json);
        _calls = new RemoteCalls(servers, options, time, logger);
    }

    /// <inheritdoc />
    public long Revision => _calls.Revision;

    /// <summary>The heartbeat TTL the servers granted, once <see cref="ConnectAsync"/> has reached one.</summary>
    public TimeSpan? HeartbeatTtl { get; private set; }

    /// <summary>Waits (retrying with backoff, however long) until a server answers; returns the heartbeat TTL it grants.</summary>
    public async Task<TimeSpan> ConnectAsync(CancellationToken cancellationToken)
    {
        using var response = await _calls.SendAsync(HttpMethod.Get, NodeStoreRoutes.Info, null, untilAnswered: true, cancellationToken).ConfigureAwait(false);
        using var body = await RemoteCalls.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var ttl = TimeSpan.FromMilliseconds(body.RootElement.GetProperty("heartbeatTtlMs").GetInt64());
        HeartbeatTtl = ttl;
        return ttl;
    }

    /// <inheritdoc />
    public async ValueTask<Resource?> GetAsync(ResourceKey key, CancellationToken cancellationToken = default)
    {
        using var response = await _calls.SendAsync(HttpMethod.Get, $"{NodeStoreRoutes.Object}?{StoreWire.KeyQuery(key)}", null, false, cancellationToken).ConfigureAwait(false);
        return await ObjectOrNullAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ListResult> ListAsync(ListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = new StringBuilder($"{NodeStoreRoutes.List}?kind={Uri.EscapeDataString(query.Kind)}");
        if (query.Namespace is not null) path.Append($"&namespace={Uri.EscapeDataString(query.Namespace)}");
        if (query.Selector is { Text.Length: > 0 } selector) path.Append($"&selector={Uri.EscapeDataString(selector.Text)}");
        using var response = await _calls.SendAsync(HttpMethod.Get, path.ToString(), null, false, cancellationToken).ConfigureAwait(false);
        using var body = await RemoteCalls.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return _wire.ReadList(body.RootElement);
    }

    /// <inheritdoc />
    public async ValueTask<Resource> PutAsync(Resource resource, long? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var path = expectedRevision is { } expected ? $"{NodeStoreRoutes.Object}?expected={expected}" : NodeStoreRoutes.Object;
        using var response = await _calls.SendAsync(HttpMethod.Put, path, _wire.Object(resource), false, cancellationToken).ConfigureAwait(false);
        return await ObjectOrNullAsync(response, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"server {_servers.Current.Authority} stored {resource.Key} but sent nothing back.");
    }

    /// <inheritdoc />
    public async ValueTask<Resource?> DeleteAsync(ResourceKey key, long? expectedRevision = null, CancellationToken cancellationToken = default)
    {
        var path = $"{NodeStoreRoutes.Object}?{StoreWire.KeyQuery(key)}{(expectedRevision is { } expected ? $"&expected={expected}" : "")}";
        using var response = await _calls.SendAsync(HttpMethod.Delete, path, null, false, cancellationToken).ConfigureAwait(false);
        return await ObjectOrNullAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<TransactionResult> CommitAsync(StoreTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        using var response = await _calls.SendAsync(HttpMethod.Post, NodeStoreRoutes.Commit, _wire.Transaction(transaction), false, cancellationToken).ConfigureAwait(false);
        using var body = await RemoteCalls.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return _wire.ReadResult(body.RootElement);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<WatchEvent> WatchAsync(WatchQuery query, long afterRevision, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = afterRevision;
        while (true)
        {
            using var response = await _calls.SendAsync(HttpMethod.Get, WatchPath(query, after), null, untilAnswered: true, cancellationToken).ConfigureAwait(false);
            using var lines = new WatchLines(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _options.WatchSilence, _time);
            while (await lines.ReadAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                var (change, revision) = _wire.ReadLine(line);
                // Resume just before a change's revision (a transaction's changes share it); a progress line vouches for its own.
                after = Math.Max(after, change is null ? revision : revision - 1);
                if (change is not null) yield return change;
            }
            _logger.LogWarning("Lost the watch on server {Server} ({Reason}); reconnecting to resume after revision {Revision}.",
                _servers.Current.Authority, lines.EndReason, after);
            _servers.Next();
        }
    }

    /// <summary>Not here: a client-only agent has no store of its own; snapshots are taken on a server.</summary>
    public ValueTask<SnapshotInfo> SaveSnapshotAsync(Stream destination, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A client-only agent has no store of its own; take the snapshot on a server (recon operator snapshot save with RECON_ADDR set to it).");

    /// <summary>Not here: a client-only agent has no store of its own; snapshots are restored on a server.</summary>
    public ValueTask<SnapshotInfo> RestoreSnapshotAsync(Stream source, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("A client-only agent has no store of its own; restore the snapshot on a server (recon operator snapshot restore with RECON_ADDR set to it).");

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _calls.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Resource?> ObjectOrNullAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == System.Net.HttpStatusCode.NoContent) return null;
        using var body = await RemoteCalls.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        return _wire.ReadObject(body.RootElement);
    }

    private static string WatchPath(WatchQuery query, long after)
    {
        var path = new StringBuilder($"{NodeStoreRoutes.Watch}?after={after}");
        if (query.Kind is not null) path.Append($"&kind={Uri.EscapeDataString(query.Kind)}");
        if (query.Namespace is not null) path.Append($"&namespace={Uri.EscapeDataString(query.Namespace)}");
        return path.ToString();
    }
}
