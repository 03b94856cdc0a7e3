using Reconciler.Host.Api.Allocations.Forwarding;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;

namespace Reconciler.Host.Api.Internal;

/// <summary>
/// Lets a request into the node-facing store API only when it names its node and, with ACLs enabled, carries the
/// agents' token: that API returns secret values, so it is for agents, not for people.
/// </summary>
public sealed class NodeApiGate(NodeApiOptions options) : IEndpointFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (options.RequireToken && !AgentTokenGate.Holds(options.AgentToken, request.Headers[ApiHeaders.Token].ToString()))
            throw new ApiException(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, options.AgentToken is null
                ? $"ACLs are enabled on this server but it has no acl.agent_token, so no client may use {request.Path}; set the same agent_token on the servers and their clients."
                : $"{request.Path} needs the agents' token; set acl.agent_token on this client to the servers' one.");
        if (request.Headers[NodeStoreRoutes.NodeHeader].ToString().Length == 0)
            throw new ApiException(StatusCodes.Status400BadRequest, ApiErrorCodes.BadRequest,
                $"{request.Path} is for client agents and needs the {NodeStoreRoutes.NodeHeader} header naming the node.");
        return next(context);
    }
}
