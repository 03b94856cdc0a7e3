namespace Reconciler.Host.Api.Security;

/// <summary>
/// A client-only agent with <c>[acl] enabled</c>: its store is its servers', which do not hand tokens to nodes, so it
/// serves only what needs no token (the node-facing routes guard themselves with the agents' token) and sends
/// everyone else to a server.
/// </summary>
public sealed class ClientAgentAuthorizer(AclRouteRules routes) : IRequestAuthorizer
{
    /// <inheritdoc />
    public ValueTask<AuthorizationDecision> AuthorizeAsync(ApiRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(routes.For(request) == AclRequirement.Open
            ? AuthorizationDecision.Unrestricted
            : AuthorizationDecision.Refuse($"Permission denied: {request} is answered by the servers when ACLs are enabled; point -address or RECON_ADDR at a server (this client's client.servers)."));
}
