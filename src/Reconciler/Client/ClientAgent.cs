using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reconciler.Client.Access;
using Reconciler.Client.Fingerprint;
using Reconciler.Client.Runner;
using Reconciler.Clients;
using Reconciler.Nodes;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Client;

/// <summary>
/// The client's life beside its allocation runner: fingerprint and register the node, destroy tasks whose
/// allocations vanished while the client was down, then heartbeat within the TTL on the <see cref="TimeProvider"/>.
/// </summary>
public sealed class ClientAgent : BackgroundService
{
    private readonly ClientOptions _options;
    private readonly NodeFingerprinter _fingerprinter;
    private readonly NodeRegistration _registration;
    private readonly ResourceClient _client;
    private readonly OrphanSweep _orphans;
    private readonly TaskHandleFiles _handles;
    private readonly LiveAllocations _live;
    private readonly TaskLifecycle _lifecycle;
    private readonly ClientHttpAddress _address;
    private readonly TimeProvider _time;
    private readonly ILogger<ClientAgent> _logger;

    internal ClientAgent(ClientOptions options, NodeFingerprinter fingerprinter, NodeRegistration registration, ResourceClient client,
        OrphanSweep orphans, TaskHandleFiles handles, LiveAllocations live, TaskLifecycle lifecycle, ClientHttpAddress address, TimeProvider time, ILogger<ClientAgent> logger)
    {
        (_options, _fingerprinter, _registration, _client, _orphans, _handles, _live, _lifecycle, _address, _time, _logger) =
            (options, fingerprinter, registration, client, orphans, handles, live, lifecycle, address, time, logger);
    }

    /// <summary>Fingerprints and registers the node; returns the heartbeat TTL.</summary>
    public async Task<TimeSpan> RegisterAsync(CancellationToken cancellationToken)
    {
        var spec = await _fingerprinter.FingerprintAsync(cancellationToken).ConfigureAwait(false);
        var ttl = await _registration.RegisterAsync(_options.NodeName, spec, _address.Value, cancellationToken).ConfigureAwait(false);
        await _registration.HeartbeatAsync(_options.NodeName, NodeState.Ready, _address.Value, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Node {Node} registered in {Datacenter} with drivers {Drivers}", _options.NodeName, spec.Datacenter,
            string.Join(", ", spec.Drivers.Where(d => d.Value.Healthy).Select(d => d.Key)));
        return ttl;
    }

    /// <summary>Reports the node alive (and where its agent serves its allocations) once; returns the TTL to heartbeat within.</summary>
    public Task<TimeSpan> HeartbeatAsync(CancellationToken cancellationToken) =>
        _registration.HeartbeatAsync(_options.NodeName, NodeState.Ready, _address.Value, cancellationToken);

    /// <summary>
    /// Destroys the tasks this node started — found through persisted handles and each driver's own listing (containers
    /// labelled with the node) — whose allocation no longer exists in the store or is placed on another node; returns
    /// how many. Allocations that still exist here are the runner's to stop or adopt.
    /// </summary>
    public Task<int> DestroyOrphansAsync(CancellationToken cancellationToken) => _orphans.DestroyAsync(cancellationToken);

    /// <summary>
    /// Stops the tasks of allocations deleted from the store while this client ran them (a snapshot restore, garbage
    /// collection): no reconcile comes for an object that is gone, so each heartbeat looks for them.
    /// </summary>
    public async Task<int> StopDeletedAllocationsAsync(CancellationToken cancellationToken)
    {
        var stopped = 0;
        foreach (var live in _live.All())
        {
            if (await _client.GetAsync<Allocation>(live.Key, cancellationToken).ConfigureAwait(false) is not null) continue;
            // Checked again under the gate: the runner may have been placing it while we looked.
            if (await StopAllocationAsync(live, "the allocation no longer exists",
                async () => await _client.GetAsync<Allocation>(live.Key, cancellationToken).ConfigureAwait(false) is null, cancellationToken).ConfigureAwait(false))
                stopped++;
        }
        return stopped;
    }

    // A client whose servers are out of reach (restarting, remote) keeps trying, as Nomad's does, instead of stopping the agent.
    private async Task<TimeSpan> RegisterUntilDoneAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(1); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks)))
        {
            try
            {
                return await RegisterAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.LogWarning("Registering node {Node} failed ({Error}); retrying in {Delay}", _options.NodeName, exception.Message, delay);
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Stops every task this client runs, when <see cref="ClientOptions.StopTasksOnShutdown"/> asks for it: a dev agent's
    /// state is thrown away when it stops, so nothing could adopt or stop its tasks later.
    /// </summary>
    public async Task<int> StopAllTasksAsync(CancellationToken cancellationToken)
    {
        var stops = _live.All().Select(live => StopAllocationAsync(live, "the agent is shutting down", () => Task.FromResult(true), cancellationToken));
        var stopped = await Task.WhenAll(stops).ConfigureAwait(false);
        return stopped.Count(s => s);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!_options.StopTasksOnShutdown) return;
        var stopped = await StopAllTasksAsync(cancellationToken).ConfigureAwait(false);
        if (stopped > 0) _logger.LogInformation("Stopped the tasks of {Count} allocations on shutdown", stopped);
    }

    // Kills the allocation's tasks under its gate (when still wanted) and forgets it: true when it was stopped.
    private async Task<bool> StopAllocationAsync(LiveAllocation live, string reason, Func<Task<bool>> stillWanted, CancellationToken cancellationToken)
    {
        await live.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await stillWanted().ConfigureAwait(false)) return false;
            await _lifecycle.KillAllAsync(live, group: null, reason, cancellationToken).ConfigureAwait(false);
            _handles.DeleteAllocation(live.Id);
            _live.Remove(live.Id);
            return true;
        }
        finally
        {
            live.Gate.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ttl = await RegisterUntilDoneAsync(stoppingToken).ConfigureAwait(false);
        await DestroyOrphansAsync(stoppingToken).ConfigureAwait(false);
        // One warning when heartbeats start failing (servers away) and one line when they work again, not one per beat.
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(ttl / 3, _time, stoppingToken).ConfigureAwait(false);
            try
            {
                ttl = await HeartbeatAsync(stoppingToken).ConfigureAwait(false);
                await StopDeletedAllocationsAsync(stoppingToken).ConfigureAwait(false);
                if (failing) _logger.LogInformation("Heartbeats of node {Node} reach the servers again", _options.NodeName);
                failing = false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (!failing) _logger.LogWarning("Heartbeat of node {Node} failed ({Error}); retrying every {Interval} until the servers answer", _options.NodeName, exception.Message, ttl / 3);
                else _logger.LogDebug("Heartbeat of node {Node} failed again ({Error})", _options.NodeName, exception.Message);
                failing = true;
            }
        }
    }
}
