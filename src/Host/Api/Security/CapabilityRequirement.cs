using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Security;

/// <summary>A namespace capability; <paramref name="Namespace"/> null means "in some namespace" (a list across namespaces, filtered).</summary>
/// <param name="Capability">One of <see cref="AclCapabilities"/>.</param>
/// <param name="Namespace">The namespace, or null for any.</param>
public sealed record CapabilityRequirement(string Capability, string? Namespace) : AclRequirement
{
    /// <inheritdoc />
    public override bool IsMetBy(AclPermissions permissions, bool anonymous)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return Namespace is null ? permissions.AllowsSomewhere(Capability) : permissions.Allows(Namespace, Capability);
    }

    /// <inheritdoc />
    public override string Describe() => Namespace is null ? $"{Capability} on any namespace" : $"{Capability} on namespace {Namespace}";
}
