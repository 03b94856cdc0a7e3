using Reconciler.Host.Api.Contracts;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Security;

/// <summary>
/// Maps each route of the API to what it needs (<see cref="AclRequirement"/>), as plain data from the method, the path and
/// <c>?namespace=</c> (default <c>default</c>). The node-facing routes under <c>/v1/internal</c> guard themselves with the
/// agents' token; manifests (<c>/v1/apply</c>, <c>/v1/delete</c>) are checked per object by their handler.
/// </summary>
/// <param name="findKind">The kind a route segment names (plural), or null.</param>
public sealed class AclRouteRules(Func<string, KindDescription?> findKind)
{
    private static readonly AclRequirement NodeRead = new LevelRequirement(AclScope.Node, AclLevel.Read);
    private static readonly AclRequirement NodeWrite = new LevelRequirement(AclScope.Node, AclLevel.Write);

    /// <summary>What <paramref name="request"/> needs.</summary>
    public AclRequirement For(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["v1", var area, .. var rest]) return AclRequirement.Open;
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var ns = request.Namespace ?? ObjectMeta.DefaultNamespace;
        return area switch
        {
            "internal" or "kinds" or "metrics" => AclRequirement.Open,
            "agent" => new LevelRequirement(AclScope.Agent, AclLevel.Read),
            "acl" => rest switch
            {
                ["bootstrap"] => AclRequirement.Open,
                ["token", "self"] => AclRequirement.AnyToken,
                _ => AclRequirement.Management,
            },
            "apply" or "delete" or "event" => AclRequirement.PerObject,
            // A snapshot holds every secret value, so saving one is as much operator write as restoring it.
            "operator" => new LevelRequirement(AclScope.Operator, AclLevel.Write),
            "job" => new CapabilityRequirement(JobCapability(rest, read), ns),
            "deployment" => new CapabilityRequirement(read ? AclCapabilities.ReadJob : AclCapabilities.SubmitJob, ns),
            "allocation" => new CapabilityRequirement(read ? AclCapabilities.ReadJob : AclCapabilities.AllocLifecycle, ns),
            "evaluation" => new CapabilityRequirement(AclCapabilities.ReadJob, ns),
            "client" => rest switch
            {
                ["stats"] => NodeRead,
                ["allocation", _, "stats"] => new CapabilityRequirement(AclCapabilities.ReadJob, ns),
                [.., "exec"] => new CapabilityRequirement(AclCapabilities.AllocExec, ns),
                _ => new CapabilityRequirement(AclCapabilities.ReadLogs, ns),
            },
            "node" => read ? NodeRead : NodeWrite,
            _ => ResourceRoute(area, rest, read, request.Namespace),
        };
    }

    private static string JobCapability(string[] rest, bool read) => rest switch
    {
        [_, "scale"] => AclCapabilities.ScaleJob,
        _ when read => AclCapabilities.ReadJob,
        _ => AclCapabilities.SubmitJob,
    };

    // /v1/{plural}[/{name}]; anything else is a 404 that needs nothing.
    private AclRequirement ResourceRoute(string plural, string[] rest, bool read, string? ns)
    {
        if (findKind(plural) is not { } kind || kind.Plural != plural || rest.Length > 1) return AclRequirement.Open;
        var access = !read ? KindAccessMode.Write : rest.Length == 0 ? KindAccessMode.List : KindAccessMode.Read;
        // A single object lives in one namespace: the default one when none is named.
        var scope = access == KindAccessMode.List ? ns ?? ObjectMeta.DefaultNamespace : ns is null or "*" ? ObjectMeta.DefaultNamespace : ns;
        return KindAccess.For(kind.Kind, kind.Namespaced, scope, access);
    }
}
