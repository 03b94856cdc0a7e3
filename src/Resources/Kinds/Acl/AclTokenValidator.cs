using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Kinds;

/// <summary>Checks a token: policies only on client tokens, valid policy names, a hash that is one. Never quotes the hash.</summary>
public sealed class AclTokenValidator : IResourceValidator<AclToken>
{
    /// <summary>The length of a hex SHA-256.</summary>
    public const int HashLength = 64;

    /// <inheritdoc />
    public void Validate(AclToken resource, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(report);
        var spec = resource.Spec;
        if (spec.Type == AclTokenType.Management && spec.Policies.Count > 0)
            report.Add("spec.policies", "a management token holds no policies: it may do everything", "leave policies out, or use type: client");
        if (spec.Type == AclTokenType.Client && spec.Policies.Count == 0)
            report.Add("spec.policies", "a client token needs at least one policy", "name one, e.g. -policy readonly");
        for (var i = 0; i < spec.Policies.Count; i++)
            if (!ResourceNames.IsValid(spec.Policies[i]))
                report.Add($"spec.policies[{i}]", $"'{spec.Policies[i]}' is not a policy name", ResourceNames.Rule);
        if (spec.SecretHash.Length != HashLength || !spec.SecretHash.All(char.IsAsciiHexDigitLower))
            report.Add("spec.secretHash", "the secret hash is not a lower-case hex SHA-256", "create tokens with `recon acl token create`, which hashes the secret");
    }
}
