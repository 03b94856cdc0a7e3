using Reconciler.Host.Api.Contracts;
using Reconciler.Host.GitOps;

namespace Reconciler.Host.Api.GitOps;

/// <summary><c>GET /v1/gitops</c>: the GitOps sync's status (<see cref="GitOpsStatus"/>); <c>enabled: false</c> on an agent without it.</summary>
public static class GitOpsEndpoints
{
    /// <summary>Maps the route.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/v1/gitops", (IServiceProvider services) =>
            Results.Json(services.GetService<GitOpsState>()?.Current ?? new GitOpsStatus(Enabled: false), ApiJson.Options));
}
