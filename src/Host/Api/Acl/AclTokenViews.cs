using Reconciler.Host.Api.Contracts;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Acl;

/// <summary>How a stored token is shown: everything but the hash; the secret only when given (at creation).</summary>
public static class AclTokenViews
{
    /// <summary>The view of <paramref name="token"/>, with <paramref name="secret"/> when it was just created.</summary>
    public static AclTokenView Of(AclToken token, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new AclTokenView(token.Metadata.Name, token.Spec.Name, token.Spec.Type.ToString().ToLowerInvariant(), token.Spec.Policies,
            token.Spec.ExpirationTime, token.Metadata.CreatedAt, token.Metadata.ResourceVersion, secret);
    }
}
