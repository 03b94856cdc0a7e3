using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Resources;

namespace Reconciler.Host.Api.Acl;

/// <summary>
/// Maps Nomad's ACL routes: <c>/v1/acl/bootstrap</c>, <c>/v1/acl/policies</c>, <c>/v1/acl/policy/{name}</c>,
/// <c>/v1/acl/tokens</c>, <c>/v1/acl/token</c>, <c>/v1/acl/token/{accessor}</c>, <c>/v1/acl/token/self</c>. Policies are
/// stored objects served through the resource handlers; what each route needs is the authorizer's business.
/// </summary>
public static class AclEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapAclEndpoints(this IEndpointRouteBuilder app, KindRoutes kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var policyKind = kinds.Of("AclPolicy");
        var acl = app.MapGroup("/v1/acl").WithTags("ACL").AddEndpointFilter(RequireEnabled);
        acl.MapPost("/bootstrap", (HttpContext http, AclTokenHandlers h) => h.BootstrapAsync(http));
        acl.MapGet("/policies", (HttpContext http, ResourceHandlers h) => h.ListAsync(policyKind, http));
        acl.MapGet("/policy/{name}", (string name, HttpContext http, ResourceHandlers h) => h.GetAsync(policyKind, name, http));
        acl.MapPut("/policy/{name}", (string name, HttpContext http, ResourceHandlers h) => h.PutAsync(policyKind, name, http));
        acl.MapDelete("/policy/{name}", (string name, HttpContext http, ResourceHandlers h) => h.DeleteAsync(policyKind, name, http));
        acl.MapGet("/tokens", (HttpContext http, AclTokenHandlers h) => h.ListAsync(http));
        acl.MapPost("/token", (AclTokenRequest request, HttpContext http, AclTokenHandlers h) => h.CreateAsync(request, http));
        acl.MapGet("/token/self", (HttpContext http, AclTokenHandlers h) => h.SelfAsync(http));
        acl.MapGet("/token/{accessor}", (string accessor, HttpContext http, AclTokenHandlers h) => h.GetAsync(accessor, http));
        acl.MapDelete("/token/{accessor}", (string accessor, HttpContext http, AclTokenHandlers h) => h.DeleteAsync(accessor, http));
        return app;
    }

    private static ValueTask<object?> RequireEnabled(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.RequestServices.GetRequiredService<AclApiOptions>().Enabled
            ? next(context)
            : throw ApiException.BadRequest("ACL support is disabled on this agent; set [acl] enabled = true in its config (`recon agent -dev` runs without ACLs).");
}
