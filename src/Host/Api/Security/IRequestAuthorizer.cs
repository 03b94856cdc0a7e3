namespace Reconciler.Host.Api.Security;

/// <summary>
/// Decides whether a request may proceed, given the token it carries. The seam ACLs plug into; until then
/// <see cref="AllowAllAuthorizer"/> lets everything through.
/// </summary>
public interface IRequestAuthorizer
{
    /// <summary>True when <paramref name="request"/> may proceed.</summary>
    ValueTask<bool> AuthorizeAsync(ApiRequest request, CancellationToken cancellationToken);
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
