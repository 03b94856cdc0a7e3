using Reconciler.Host.Tls;

namespace Reconciler.Host.Api.Allocations.Forwarding;

/// <summary>How agents reach each other's client allocation API (<see cref="ClientAgentRoutes"/>).</summary>
/// <param name="RequireToken">True when ACLs are enabled: a client agent serves those routes only to callers presenting <paramref name="AgentToken"/>.</param>
/// <param name="AgentToken">The agents' shared token (<c>acl.agent_token</c>), sent with every forwarded request; never logged or echoed.</param>
public sealed record ForwardingOptions(bool RequireToken, string? AgentToken)
{
    /// <summary>How long connecting to a client agent may take; default 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a client agent may take to answer (a restart, a log's first bytes, an exec's upgrade); default 30 seconds.</summary>
    public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How a client agent serving https is checked (its CA) and which certificate this agent presents to it (<c>[tls]</c>).</summary>
    public TlsClientSettings Tls { get; init; } = TlsClientSettings.Default;

    /// <summary>
    /// Forward only to client agents serving https (<c>[tls] rpc</c>): the agents' token and exec streams never cross the
    /// network unencrypted; a client agent advertising plain http is refused with what to turn on.
    /// </summary>
    public bool RequireTls { get; init; }

    /// <summary>Leaves the token out.</summary>
    public override string ToString() => $"ForwardingOptions {{ RequireToken = {RequireToken}, AgentToken = {(AgentToken is null ? "none" : "<redacted>")} }}";
}
