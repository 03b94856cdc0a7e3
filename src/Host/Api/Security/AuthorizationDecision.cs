namespace Reconciler.Host.Api.Security;

/// <summary>An authorizer's answer: allowed (with the caller's permissions, null when unrestricted) or refused with a message for people.</summary>
/// <param name="Allowed">True when the request may proceed.</param>
/// <param name="Refusal">Why not, when refused: which capability on which namespace is missing. Never quotes the token.</param>
/// <param name="Permissions">What the caller may do, for handlers that filter or check further; null when everything is allowed.</param>
public sealed record AuthorizationDecision(bool Allowed, string? Refusal, AclPermissions? Permissions)
{
    /// <summary>True when the caller sent no token (its permissions are the <c>anonymous</c> policy's).</summary>
    public bool Anonymous { get; init; }

    /// <summary>Allowed with no restriction (ACLs off, or a management token).</summary>
    public static AuthorizationDecision Unrestricted { get; } = new(true, null, null);

    /// <summary>Allowed; handlers filter and check further with <paramref name="permissions"/>.</summary>
    public static AuthorizationDecision Allow(AclPermissions? permissions, bool anonymous) => new(true, null, permissions) { Anonymous = anonymous };

    /// <summary>Refused with <paramref name="message"/>.</summary>
    public static AuthorizationDecision Refuse(string message) => new(false, message, null);
}
