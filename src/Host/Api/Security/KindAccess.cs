using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Api.Security;

/// <summary>
/// What listing, reading or writing objects of a kind needs: jobs and what the scheduler writes for them (allocations,
/// deployments, evaluations, versions, custom namespaced kinds) take list-jobs / read-job / submit-job in their
/// namespace; volumes and secrets their own capabilities; nodes node:read/write; namespaces are readable by anyone and
/// written by management, as are ACL objects (read too); other cluster-scoped kinds take operator:read/write.
/// </summary>
public static class KindAccess
{
    private static readonly string NamespaceKind = KindInfo.Of<Namespace>().Name;
    private static readonly string NodeKind = KindInfo.Of<Node>().Name;
    private static readonly string[] AclKinds = [KindInfo.Of<AclPolicy>().Name, KindInfo.Of<AclToken>().Name];

    private static readonly Dictionary<string, (string List, string Read, string Write)> Capabilities = new(StringComparer.Ordinal)
    {
        [KindInfo.Of<Volume>().Name] = (AclCapabilities.HostVolumeRead, AclCapabilities.HostVolumeRead, AclCapabilities.HostVolumeWrite),
        [KindInfo.Of<Secret>().Name] = (AclCapabilities.ReadSecret, AclCapabilities.ReadSecret, AclCapabilities.WriteSecret),
    };

    private static readonly (string List, string Read, string Write) JobCapabilities = (AclCapabilities.ListJobs, AclCapabilities.ReadJob, AclCapabilities.SubmitJob);

    /// <summary>
    /// The requirement for <paramref name="access"/> to <paramref name="kind"/>; <paramref name="ns"/> is the namespace of a
    /// namespaced kind (null or <c>*</c>: any, for a list across namespaces), null for a cluster-scoped one.
    /// </summary>
    public static AclRequirement For(string kind, bool namespaced, string? ns, KindAccessMode access)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (namespaced)
        {
            var (list, read, write) = Capabilities.GetValueOrDefault(kind, JobCapabilities);
            var capability = access switch { KindAccessMode.List => list, KindAccessMode.Read => read, _ => write };
            return new CapabilityRequirement(capability, ns is null or "*" ? null : ns);
        }
        var level = access == KindAccessMode.Write ? AclLevel.Write : AclLevel.Read;
        if (AclKinds.Contains(kind)) return AclRequirement.Management;
        if (kind == NamespaceKind) return access == KindAccessMode.Write ? AclRequirement.Management : AclRequirement.Open;
        return new LevelRequirement(kind == NodeKind ? AclScope.Node : AclScope.Operator, level);
    }

    /// <summary>The requirement to list the object <paramref name="key"/> names: what a filtered list keeps.</summary>
    public static AclRequirement ToList(ResourceKey key) => For(key.Kind, key.Namespace is not null, key.Namespace, KindAccessMode.List);

    /// <summary>The requirement to write the object <paramref name="key"/> names.</summary>
    public static AclRequirement ToWrite(ResourceKey key) => For(key.Kind, key.Namespace is not null, key.Namespace, KindAccessMode.Write);
}
