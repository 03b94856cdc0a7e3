namespace Reconciler.Host.Api.Security;

/// <summary>
/// The authorizer with <c>[acl] enabled</c>: resolves the request's token, works out what the route needs
/// (<see cref="AclRouteRules"/>) and refuses with the missing capability and namespace. No token means the
/// <c>anonymous</c> policy; a token the store does not know (deleted, expired, mistyped) is refused outright.
/// </summary>
public sealed class AclAuthorizer(AclTokenResolver tokens, AclRouteRules routes) : IRequestAuthorizer
{
    /// <summary>The refusal for a secret that names no live token.</summary>
    public const string TokenNotFound = "ACL token not found: it was deleted, has expired or was never created; pass a valid secret with -token, RECON_TOKEN or a context.";

    /// <inheritdoc />
    public async ValueTask<AuthorizationDecision> AuthorizeAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var requirement = routes.For(request);
        if (requirement == AclRequirement.Open) return AuthorizationDecision.Unrestricted;
        var token = request.Token is { } secret ? await tokens.FindAsync(secret, cancellationToken) : null;
        if (request.Token is not null && token is null) return AuthorizationDecision.Refuse(TokenNotFound);
        var permissions = await tokens.PermissionsAsync(token, cancellationToken);
        var anonymous = token is null;
        if (requirement.IsMetBy(permissions, anonymous))
            return AuthorizationDecision.Allow(permissions.IsManagement ? null : permissions, anonymous);
        return AuthorizationDecision.Refuse(Refusal(requirement, anonymous, request));
    }

    /// <summary>The refusal message: what is missing, for whom, on which request; never the token.</summary>
    public static string Refusal(AclRequirement requirement, bool anonymous, object what)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var who = anonymous ? "an anonymous request (no token sent)" : "this token";
        var fix = anonymous ? "send a token with -token, RECON_TOKEN or a context" : "ask for a token whose policies grant it";
        return $"Permission denied: {what} needs {requirement.Describe()}, which {who} does not have; {fix}.";
    }
}
