using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;

namespace Reconciler.Host.Api.Security;

/// <summary>
/// Hands every request's <c>X-Recon-Token</c> to the <see cref="IRequestAuthorizer"/>; a refusal is a 403
/// <c>permission_denied</c>. An allowed request carries its decision to the handlers (<see cref="RequestAcl"/>).
/// </summary>
public sealed class TokenAuthorizationMiddleware(RequestDelegate next, IRequestAuthorizer authorizer)
{
    /// <summary>Authorizes, then runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        var token = http.Request.Headers[ApiHeaders.Token].ToString();
        var ns = http.Request.Query["namespace"].ToString();
        var request = new ApiRequest(token.Length == 0 ? null : token, http.Request.Method, http.Request.Path.Value ?? "/", ns.Length == 0 ? null : ns);
        var decision = await authorizer.AuthorizeAsync(request, http.RequestAborted);
        if (!decision.Allowed)
            throw new ApiException(StatusCodes.Status403Forbidden, ApiErrorCodes.PermissionDenied, decision.Refusal ?? $"Permission denied for {request}; check the token (-token or RECON_TOKEN).");
        http.Features.Set(decision);
        await next(http);
    }
}
