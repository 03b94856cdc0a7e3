using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Security;

/// <summary>A level on nodes, operator or agent routes.</summary>
/// <param name="Scope">Which.</param>
/// <param name="Level">At least this.</param>
public sealed record LevelRequirement(AclScope Scope, AclLevel Level) : AclRequirement
{
    /// <inheritdoc />
    public override bool IsMetBy(AclPermissions permissions, bool anonymous)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return permissions.Allows(Scope, Level);
    }

    /// <inheritdoc />
    public override string Describe() => $"{Scope.ToString().ToLowerInvariant()}:{Level.ToString().ToLowerInvariant()}";
}
