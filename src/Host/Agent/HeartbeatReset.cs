using Reconciler.Clients;
using Reconciler.Resources.Kinds;
using Reconciler.Store;

namespace Reconciler.Host.Agent;

/// <summary>
/// What a server does as it starts, as Nomad's leader does when it takes over: every node that was not down gets a
/// full heartbeat TTL from now, so clients that kept running while the server was away have time to reach it again
/// before the node controller counts their missed heartbeats and marks them down (which would replace their work).
/// </summary>
public static class HeartbeatReset
{
    /// <summary>Restarts the heartbeat clock of every live node at <paramref name="time"/>'s now; returns how many.</summary>
    public static async Task<int> ResetAsync(IResourceStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var client = new ResourceClient(store, time);
        var reset = 0;
        var nodes = await store.ListAsync(new ListQuery("Node"), cancellationToken);
        foreach (var node in nodes.Items.OfType<Node>().Where(n => n.Status is { State: not NodeState.Down, LastHeartbeat: not null }))
        {
            // A conflict means the node's client wrote meanwhile, which restarts the clock anyway.
            var written = await client.UpdateStatusAsync(node with { Status = node.Status with { LastHeartbeat = time.GetUtcNow() } }, cancellationToken);
            if (written.Outcome == WriteOutcome.Written) reset++;
        }
        return reset;
    }
}
