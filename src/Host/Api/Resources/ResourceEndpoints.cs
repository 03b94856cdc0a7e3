using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.Api.Resources;

/// <summary>
/// Maps <c>/v1/{plural}</c> for every kind the runtime knows, built-in or custom: list, get, put, delete.
/// Namespaced kinds take <c>?namespace=</c> (default <c>default</c>; <c>*</c> lists every namespace).
/// </summary>
public static class ResourceEndpoints
{
    /// <summary>Maps one group per kind.</summary>
    public static IEndpointRouteBuilder MapResourceEndpoints(this IEndpointRouteBuilder app, KindRoutes kinds)
    {
        app.MapGet("/v1/kinds", () => Results.Json(kinds.All, ApiJson.Options));
        foreach (var kind in kinds.All)
        {
            var group = app.MapGroup($"/v1/{kind.Plural}").WithTags(kind.Kind);
            group.MapGet("/", (HttpContext http, ResourceHandlers handlers) => handlers.ListAsync(kind, http));
            group.MapGet("/{name}", (string name, HttpContext http, ResourceHandlers handlers) => handlers.GetAsync(kind, name, http));
            group.MapPut("/{name}", (string name, HttpContext http, ResourceHandlers handlers) => handlers.PutAsync(kind, name, http));
            group.MapDelete("/{name}", (string name, HttpContext http, ResourceHandlers handlers) => handlers.DeleteAsync(kind, name, http));
        }
        return app;
    }
}
