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
}
