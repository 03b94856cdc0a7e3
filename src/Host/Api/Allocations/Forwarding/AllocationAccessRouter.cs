using Reconciler.Client;
using Reconciler.Clients;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Allocations.Forwarding;

/// <summary>
/// Which client serves an allocation's logs, exec and restart, as Nomad's servers forward client requests: the client
/// in this process when it runs the allocation's node, otherwise that node's client agent at the address its heartbeats
/// advertise (<see cref="NodeStatus.HttpAddress"/>), through <see cref="RemoteAllocationAccess"/>.
/// </summary>
public sealed class AllocationAccessRouter(ResourceClient client, ClientAgentHttp http, IAllocationAccess? local = null, ClientOptions? localClient = null)
{
    /// <summary>The access to the client that runs <paramref name="allocation"/>.</summary>
    public async Task<IAllocationAccess> ForAsync(Allocation allocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (local is not null && localClient?.NodeName == allocation.Spec.Node) return local;
        var node = await client.GetAsync<Node>(new ResourceKey("Node", null, allocation.Spec.Node), cancellationToken);
        return new RemoteAllocationAccess(http, allocation.Spec.Node, node);
    }
}
