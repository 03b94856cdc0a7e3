namespace Reconciler.Host.Api.Acl;

/// <summary>Whether the agent enforces ACLs (<c>[acl] enabled</c>); without, the <c>/v1/acl</c> routes say so instead of minting tokens nobody checks.</summary>
/// <param name="Enabled">True with <c>[acl] enabled = true</c>.</param>
public sealed record AclApiOptions(bool Enabled);
