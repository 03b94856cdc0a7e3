using System.Security.Cryptography;
using System.Text;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;

namespace Reconciler.Host.Api.Allocations.Forwarding;

/// <summary>
/// Lets a request into a client agent's allocation routes (<see cref="ClientAgentRoutes"/>) only with the agents'
/// token when ACLs are enabled: those routes run commands inside tasks, so they are for the servers, not for anyone.
/// </summary>
public sealed class AgentTokenGate(ForwardingOptions options) : IEndpointFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (options.RequireToken && !Holds(options.AgentToken, request.Headers[ApiHeaders.Token].ToString()))
            throw new ApiException(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, options.AgentToken is null
                ? $"ACLs are enabled on this client agent but it has no acl.agent_token, so no server may use {request.Path}; set the same agent_token on the servers and their clients."
                : $"{request.Path} needs the agents' token; set acl.agent_token on the servers to this client's one.");
        return next(context);
    }

    /// <summary>True when <paramref name="presented"/> is the non-empty <paramref name="expected"/> token (compared in constant time).</summary>
    public static bool Holds(string? expected, string presented) =>
        expected is not null && presented.Length > 0
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
