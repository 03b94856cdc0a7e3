using System.Text;

namespace Reconciler.Resources.Agent;

/// <summary>Access control (<c>[acl]</c>): tokens and policies checked on every API call.</summary>
public sealed record AclConfig
{
    /// <summary>Whether requests need a token (<c>enabled</c>).</summary>
    public bool Enabled { get; init; }

    /// <summary>How long a resolved token is cached (<c>token_ttl</c>).</summary>
    public TimeSpan TokenTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a resolved policy is cached (<c>policy_ttl</c>).</summary>
    public TimeSpan PolicyTtl { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The token agents share (<c>agent_token</c>): a client sends it to its servers, and a server with ACLs enabled
    /// serves its node-facing API (<c>/v1/internal/store</c>, which returns secret values) only to callers holding it.
    /// Null when unset. Never printed: <see cref="ToString"/> leaves it out.
    /// </summary>
    public string? AgentToken { get; init; }

    // The generated ToString would print the token; a logged or inspected config must not carry it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Enabled = {Enabled}, TokenTtl = {TokenTtl}, PolicyTtl = {PolicyTtl}, AgentToken = {(AgentToken is null ? "null" : "<redacted>")}");
        return true;
    }
}
