using Reconciler.Host.Api.Errors;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Security;

/// <summary>
/// What handlers do with the authorizer's decision the middleware left on the request: filter a list across
/// namespaces to what the caller may list (as Nomad does), and check each object a manifest names.
/// </summary>
public static class RequestAcl
{
    /// <summary>The caller's permissions, or null when everything is allowed (ACLs off, a management token).</summary>
    public static AclPermissions? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<AuthorizationDecision>()?.Permissions;
    }

    /// <summary>The objects of <paramref name="items"/> the caller may list.</summary>
    public static IEnumerable<T> Visible<T>(HttpContext http, IEnumerable<T> items) where T : Resource
    {
        var mayList = MayList(http);
        return items.Where(r => mayList(r.Key));
    }

    /// <summary>Whether the caller may list an object: the test <see cref="Visible{T}"/> and the event stream apply to each.</summary>
    /// <remarks>The answer depends only on the kind and namespace, so each pair is worked out once per request.</remarks>
    public static Func<ResourceKey, bool> MayList(HttpContext http)
    {
        if (Of(http) is not { } permissions) return _ => true;
        var answers = new Dictionary<(string Kind, string? Namespace), bool>();
        return key =>
        {
            if (!answers.TryGetValue((key.Kind, key.Namespace), out var may))
                answers[(key.Kind, key.Namespace)] = may = KindAccess.ToList(key).IsMetBy(permissions, anonymous: false);
            return may;
        };
    }

    /// <summary>Refuses (403, before anything is written) when the caller may not write one of <paramref name="keys"/>.</summary>
    public static void DemandWrite(HttpContext http, IEnumerable<ResourceKey> keys)
    {
        if (Of(http) is not { } permissions) return;
        var anonymous = http.Features.Get<AuthorizationDecision>()!.Anonymous;
        foreach (var key in keys)
        {
            var requirement = KindAccess.ToWrite(key);
            if (!requirement.IsMetBy(permissions, anonymous))
                throw new ApiException(StatusCodes.Status403Forbidden, ApiErrorCodes.PermissionDenied,
                    AclAuthorizer.Refusal(requirement, anonymous, $"writing {key}") + " Nothing was written.");
        }
    }
}
