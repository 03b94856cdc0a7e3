using Microsoft.Extensions.DependencyInjection.Extensions;
using Reconciler.Host.Api.Acl;

namespace Reconciler.Host.Api.Security;

/// <summary>Turns ACL enforcement on: <c>services.AddAclEnforcement(...)</c> before <c>AddReconApi</c> (which otherwise allows all).</summary>
public static class AclServices
{
    /// <summary>
    /// Every public API call is authorized by token and policy (<see cref="AclAuthorizer"/>); a client-only agent, whose
    /// store holds no tokens for it, answers only what needs none (<see cref="ClientAgentAuthorizer"/>).
    /// </summary>
    public static IServiceCollection AddAclEnforcement(this IServiceCollection services, bool clientOnly)
    {
        services.AddSingleton(new AclApiOptions(Enabled: true));
        if (clientOnly) services.AddSingleton<IRequestAuthorizer, ClientAgentAuthorizer>();
        else services.AddSingleton<IRequestAuthorizer, AclAuthorizer>();
        return services;
    }

    /// <summary>What the ACL routes and authorizers use; <see cref="ReconApi.AddReconApi"/> calls it.</summary>
    internal static IServiceCollection AddAclApi(this IServiceCollection services)
    {
        services.TryAddSingleton(new AclApiOptions(Enabled: false));
        services.AddSingleton<AclTokenResolver>();
        services.AddSingleton(provider => new AclRouteRules(provider.GetRequiredService<Resources.KindRoutes>().Find));
        services.AddSingleton<AclTokenHandlers>();
        return services;
    }
}
