using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reconciler.Host.Api.Acl;
using Reconciler.Host.Api.Allocations;
using Reconciler.Host.Api.Allocations.Forwarding;
using Reconciler.Host.Api.Apply;
using Reconciler.Host.Api.Blocking;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Deployments;
using Reconciler.Host.Api.Errors;
using Reconciler.Host.Api.Events;
using Reconciler.Host.Api.GitOps;
using Reconciler.Host.Api.Jobs;
using Reconciler.Host.Api.Namespaces;
using Reconciler.Host.Api.Nodes;
using Reconciler.Host.Api.Resources;
using Reconciler.Host.Api.Security;
using Reconciler.Host.Api.Snapshots;
using Reconciler.Host.Api.Telemetry;
using Reconciler.Store;

namespace Reconciler.Host.Api;

/// <summary>
/// The HTTP API under <c>/v1/</c>: <c>services.AddReconApi()</c> next to <c>AddReconciler</c>, then <c>app.MapReconApi()</c>.
/// Every response carries <c>X-Recon-Index</c>; every error is <c>{"error":{"code","message","details"}}</c>.
/// </summary>
public static class ReconApi
{
    private static readonly string[] OtherRoutes =
        ["/v1/kinds", "/v1/apply", "/v1/delete", "/v1/gitops", "/v1/event/stream", "/v1/operator/snapshot", "/v1/agent/self",
         "/v1/job/{name}/(register|plan|scale|evaluate|allocations|evaluations|deployments|versions|revert)", "/v1/deployment/{id}[/promote|/pause|/resume|/fail]", "/v1/deployment/allocation-health", "/v1/allocation/{id}[/stop|/restart]",
         "/v1/node/{name}[/drain|/eligibility]", "/v1/acl/(bootstrap|policies|policy/{name}|tokens|token|token/{accessor}|token/self)", "/v1/evaluation/{id}", "/v1/client/allocation/{id}/logs", "/v1/client/allocation/{id}/exec"];

    /// <summary>Registers the API's services; an <see cref="IRequestAuthorizer"/> registered before wins over allow-all.</summary>
    public static IServiceCollection AddReconApi(this IServiceCollection services, Action<ApiOptions>? configure = null)
    {
        var options = new ApiOptions();
        configure?.Invoke(options);
        services.AddSingleton(options);
        services.TryAddSingleton<IRequestAuthorizer, AllowAllAuthorizer>();
        services.AddSingleton<KindRoutes>();
        services.AddSingleton<BlockingQuery>();
        services.AddSingleton<NamespaceGuard>();
        services.AddSingleton<ResourceHandlers>();
        services.AddSingleton<ManifestSet>();
        services.AddSingleton<ApplyPlanner>();
        services.AddSingleton<ManifestApplier>();
        services.AddSingleton<ApplyHandlers>();
        services.TryAddSingleton(TimeProvider.System);
        // Request bodies bind with the API's own JSON rules (camelCase, enums and durations as text).
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = ApiJson.Options.PropertyNamingPolicy;
            foreach (var converter in ApiJson.Options.Converters) json.SerializerOptions.Converters.Add(converter);
        });
        services.AddSingleton<JobRequests>();
        services.AddSingleton<JobHandlers>();
        services.AddSingleton<AllocationLookup>();
        services.AddSingleton<AllocationHandlers>();
        // An agent without [acl] sends and asks no agents' token; AgentHost registers the config's before this.
        services.TryAddSingleton(new ForwardingOptions(RequireToken: false, AgentToken: null));
        services.AddSingleton<ClientAgentHttp>();
        services.AddSingleton<AllocationAccessRouter>();
        services.AddSingleton<NodeHandlers>();
        services.AddSingleton<DeploymentHandlers>();
        services.AddSingleton<PrometheusMetrics>();
        services.AddAclApi();
        return services;
    }

    /// <summary>Adds the API's middleware and maps every route, one group per kind the runtime knows at this point.</summary>
    public static WebApplication MapReconApi(this WebApplication app)
    {
        var kinds = app.Services.GetRequiredService<KindRoutes>();
        app.Use(StampIndex);
        app.UseMiddleware<ApiErrorMiddleware>();
        app.UseWebSockets();
        app.UseMiddleware<TokenAuthorizationMiddleware>();
        app.MapResourceEndpoints(kinds);
        ApplyHandlers.Map(app);
        GitOpsEndpoints.Map(app);
        SnapshotEndpoints.Map(app);
        EventStreamEndpoint.Map(app);
        app.MapJobEndpoints();
        app.MapAllocationEndpoints();
        app.MapClientAllocationEndpoints();
        app.MapExecEndpoint();
        app.MapNodeEndpoints();
        app.MapDeploymentEndpoints();
        app.MapAclEndpoints(kinds);
        PrometheusMetrics.Map(app);
        ClientStatsEndpoints.Map(app);
        app.MapGet("/v1/evaluation/{id}", (string id, HttpContext http, ResourceHandlers handlers) => handlers.GetAsync(kinds.Find("evaluations")!, id, http));
        app.MapGet("/v1/agent/self", (AgentSelf self) => Results.Json(self, ApiJson.Options));
        app.MapFallback((HttpContext http) => throw UnknownRoute(http.Request, kinds));
        return app;
    }

    // Endpoints set the index they read at; anything else (errors, 404s) carries the current revision.
    private static Task StampIndex(HttpContext http, Func<Task> next)
    {
        var store = http.RequestServices.GetRequiredService<IResourceStore>();
        http.Response.OnStarting(() =>
        {
            if (!http.Response.Headers.ContainsKey(ApiHeaders.Index))
                http.Response.Headers[ApiHeaders.Index] = store.Revision.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        return next();
    }

    private static ApiException UnknownRoute(HttpRequest request, KindRoutes kinds)
    {
        var path = request.Path.Value ?? "/";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var known = string.Join(", ", kinds.All.Select(k => k.Kind));
        var routes = $"Resource routes: {kinds.RouteList()}; other routes: {string.Join(", ", OtherRoutes)}.";
        var first = segments is ["v1", var segment, ..] ? segment : null;
        var kind = first is null ? null : kinds.Find(first);
        var message = first is not null && kind is null && !OtherRoutes.Any(r => r.StartsWith($"/v1/{first}", StringComparison.Ordinal))
            ? $"Unknown kind '{first}' in {request.Method} {path}. Known kinds: {known}. {routes}"
            : kind is not null && first != kind.Plural
                ? $"No route for {request.Method} {path}; {kind.Kind} objects are served under /v1/{kind.Plural}."
                : $"No route for {request.Method} {path}. {routes}";
        return new ApiException(StatusCodes.Status404NotFound, ApiErrorCodes.UnknownRoute, message);
    }
}
