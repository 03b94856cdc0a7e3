namespace Reconciler.Host.Api.Security;

/// <summary>
/// Decides whether a request may proceed, given the token it carries: <see cref="AllowAllAuthorizer"/> without ACLs,
/// <see cref="AclAuthorizer"/> with <c>[acl] enabled</c>.
/// </summary>
public interface IRequestAuthorizer
{
    /// <summary>Whether <paramref name="request"/> may proceed, and with which permissions (for handlers that filter lists).</summary>
    ValueTask<AuthorizationDecision> AuthorizeAsync(ApiRequest request, CancellationToken cancellationToken);
}

/// <summary>What an authorizer is asked about: the token (null when none was sent), the method, the path and the namespace asked for.</summary>
/// <param name="Token">The <c>X-Recon-Token</c> header; never logged or echoed.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, e.g. <c>/v1/jobs/web</c>.</param>
/// <param name="Namespace">The <c>?namespace=</c> asked for, or null.</param>
public sealed record ApiRequest(string? Token, string Method, string Path, string? Namespace)
{
    /// <summary>Leaves the token out, so a logged request cannot leak it.</summary>
    public override string ToString() => $"{Method} {Path}{(Namespace is null ? "" : $"?namespace={Namespace}")}";
}
