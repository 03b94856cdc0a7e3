namespace Reconciler.Host.Api.Security;

/// <summary>Allows every request: the behaviour with ACLs disabled, as Nomad's.</summary>
public sealed class AllowAllAuthorizer : IRequestAuthorizer
{
    /// <inheritdoc />
    public ValueTask<AuthorizationDecision> AuthorizeAsync(ApiRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AuthorizationDecision.Unrestricted);
}
