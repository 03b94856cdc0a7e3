namespace Reconciler.Host.Api.Contracts;

/// <summary>The body of <c>POST /v1/acl/token</c>.</summary>
/// <param name="Name">A name for people.</param>
/// <param name="Type"><c>client</c> (default) or <c>management</c>.</param>
/// <param name="Policies">The policies of a client token; each must exist.</param>
/// <param name="Ttl">How long the token lives, e.g. <c>8h</c>; forever when null.</param>
public sealed record AclTokenRequest(string? Name, string? Type, IReadOnlyList<string>? Policies, string? Ttl);
