using Reconciler.Resources.Json;

namespace Reconciler.Host.Api.Internal;

/// <summary>
/// Maps the node-facing store API (<see cref="NodeStoreRoutes"/>) on a server: what a client-only agent's store calls.
/// Every route passes <see cref="NodeApiGate"/> first.
/// </summary>
public static class NodeStoreEndpoints
{
    /// <summary>Registers the API's services with <paramref name="options"/>.</summary>
    public static IServiceCollection AddNodeStoreApi(this IServiceCollection services, NodeApiOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(provider => new NodeStoreHandlers(provider.GetRequiredService<Reconciler.Store.IResourceStore>(),
            provider.GetRequiredService<ResourceJson>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapNodeStoreEndpoints(this IEndpointRouteBuilder app)
    {
        var gate = new NodeApiGate(app.ServiceProvider.GetRequiredService<NodeApiOptions>());
        var group = app.MapGroup("").AddEndpointFilter(gate).WithTags("Node store");
        group.MapGet(NodeStoreRoutes.Info, NodeStoreHandlers.Info);
        group.MapGet(NodeStoreRoutes.Object, (HttpContext http, NodeStoreHandlers h) => h.GetAsync(http));
        group.MapPut(NodeStoreRoutes.Object, (HttpContext http, NodeStoreHandlers h) => h.PutAsync(http));
        group.MapDelete(NodeStoreRoutes.Object, NodeStoreHandlers.Delete);
        group.MapGet(NodeStoreRoutes.List, (HttpContext http, NodeStoreHandlers h) => h.ListAsync(http));
        group.MapPost(NodeStoreRoutes.Commit, (HttpContext http, NodeStoreHandlers h) => h.CommitAsync(http));
        group.MapGet(NodeStoreRoutes.Watch, async (HttpContext http, NodeStoreHandlers h) => await h.WatchAsync(http));
        return app;
    }
}
