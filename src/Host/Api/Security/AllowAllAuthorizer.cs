namespace Reconciler.Host.Api.Security;

/// <summary>Allows every request: the behaviour until ACLs arrive, as Nomad's with ACLs disabled.</summary>
public sealed class AllowAllAuthorizer : IRequestAuthorizer
{
    /// <inheritdoc />
    public ValueTask<bool> AuthorizeAsync(ApiRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
