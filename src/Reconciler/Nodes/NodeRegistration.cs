using Reconciler.Clients;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Nodes;

/// <summary>
/// The contract a client agent uses with the servers: register the node with its fingerprint (it starts
/// initializing), then heartbeat within the TTL, which marks it ready; a node that stops heartbeating goes down.
/// </summary>
public sealed class NodeRegistration(ResourceClient client, TimeProvider time, NodeOptions options)
{
    /// <summary>Registers or re-registers <paramref name="name"/> with <paramref name="spec"/> (its fingerprint); returns the heartbeat TTL.</summary>
    public Task<TimeSpan> RegisterAsync(string name, NodeSpec spec, CancellationToken cancellationToken = default) =>
        RegisterAsync(name, spec, httpAddress: null, cancellationToken);

    /// <summary>
    /// Registers or re-registers <paramref name="name"/> with <paramref name="spec"/>, advertising the client agent at
    /// <paramref name="httpAddress"/> (null keeps the one the node had); returns the heartbeat TTL.
    /// </summary>
    public async Task<TimeSpan> RegisterAsync(string name, NodeSpec spec, string? httpAddress, CancellationToken cancellationToken = default)
    {
        var existing = await client.GetAsync<Node>(new ResourceKey("Node", null, name), cancellationToken).ConfigureAwait(false);
        // Eligibility and drain belong to operators: a re-registration keeps them.
        var desired = existing is null ? spec : spec with { SchedulingEligibility = existing.Spec.SchedulingEligibility, Drain = existing.Spec.Drain };
        var stored = await client.ApplyAsync(new Node { Metadata = new ObjectMeta { Name = name }, Spec = desired }, cancellationToken).ConfigureAwait(false);
        await SetStatusAsync(stored, NodeState.Initializing, "registered; fingerprinting", httpAddress, cancellationToken).ConfigureAwait(false);
        return options.HeartbeatTtl;
    }

    /// <summary>Reports <paramref name="name"/> alive (ready unless <paramref name="state"/> says otherwise); returns the TTL to heartbeat within.</summary>
    public Task<TimeSpan> HeartbeatAsync(string name, NodeState state = NodeState.Ready, CancellationToken cancellationToken = default) =>
        HeartbeatAsync(name, state, httpAddress: null, cancellationToken);

    /// <summary>
    /// Reports <paramref name="name"/> alive in <paramref name="state"/>, its client agent at <paramref name="httpAddress"/>
    /// (null keeps the one the node had); returns the TTL to heartbeat within.
    /// </summary>
    public async Task<TimeSpan> HeartbeatAsync(string name, NodeState state, string? httpAddress, CancellationToken cancellationToken = default)
    {
        var node = await client.GetAsync<Node>(new ResourceKey("Node", null, name), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Node/{name} is not registered; register it before heartbeating.");
        await SetStatusAsync(node, state, state == NodeState.Ready ? "heartbeating" : "client reported", httpAddress, cancellationToken).ConfigureAwait(false);
        return options.HeartbeatTtl;
    }

    private async Task SetStatusAsync(Node node, NodeState state, string description, string? httpAddress, CancellationToken cancellationToken)
    {
        var current = node;
        for (var attempt = 0; ; attempt++)
        {
            var written = await client.UpdateStatusAsync(current with { Status = current.Status with { State = state, Description = description, LastHeartbeat = time.GetUtcNow(), HttpAddress = httpAddress ?? current.Status.HttpAddress } }, cancellationToken).ConfigureAwait(false);
            if (written.Outcome != WriteOutcome.Conflict) return;
            await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            current = await client.GetAsync<Node>(node.Key, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"{node.Key} was deleted while heartbeating.");
        }
    }
}
