namespace Reconciler.Host.Api.Internal;

/// <summary>How a server serves its node-facing store API.</summary>
/// <param name="HeartbeatTtl">The TTL the server grants clients to heartbeat within (the config's <c>server.min_heartbeat_ttl</c>).</param>
/// <param name="RequireToken">True when ACLs are enabled: a caller must present <paramref name="AgentToken"/>.</param>
/// <param name="AgentToken">The agents' shared token (<c>acl.agent_token</c>); never logged or echoed.</param>
public sealed record NodeApiOptions(TimeSpan HeartbeatTtl, bool RequireToken, string? AgentToken)
{
    /// <summary>Leaves the token out.</summary>
    public override string ToString() => $"NodeApiOptions {{ HeartbeatTtl = {HeartbeatTtl}, RequireToken = {RequireToken} }}";
}
