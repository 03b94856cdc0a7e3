using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Api.Security;

/// <summary>
/// What one token may do: everything (management), or the merge of its policies' rules. For a namespace the most
/// specific rules decide, as Nomad's: an exact name over any glob, a longer glob over a shorter one; among equally
/// specific rules (of several policies) the grants add up, and <c>deny</c> wins. Levels (node, operator, agent) merge
/// the same way: the highest grant, unless one policy denies.
/// </summary>
public sealed class AclPermissions
{
    private readonly IReadOnlyList<AclNamespaceRule> _rules;
    private readonly IReadOnlyDictionary<AclScope, AclLevel?> _levels;

    private AclPermissions(bool management, IReadOnlyList<AclNamespaceRule> rules, IReadOnlyDictionary<AclScope, AclLevel?> levels) =>
        (IsManagement, _rules, _levels) = (management, rules, levels);

    /// <summary>Everything allowed.</summary>
    public static AclPermissions Management { get; } = new(true, [], new Dictionary<AclScope, AclLevel?>());

    /// <summary>Nothing allowed (an anonymous caller without an <c>anonymous</c> policy).</summary>
    public static AclPermissions None { get; } = Of([]);

    /// <summary>True for a management token.</summary>
    public bool IsManagement { get; }

    /// <summary>The merged rules of <paramref name="policies"/>.</summary>
    public static AclPermissions Of(IReadOnlyList<AclPolicySpec> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return new AclPermissions(false, [.. policies.SelectMany(p => p.Namespaces)], new Dictionary<AclScope, AclLevel?>
        {
            [AclScope.Node] = Merge(policies.Select(p => p.Node)),
            [AclScope.Operator] = Merge(policies.Select(p => p.Operator)),
            [AclScope.Agent] = Merge(policies.Select(p => p.Agent)),
        });
    }

    /// <summary>True when <paramref name="capability"/> is allowed in namespace <paramref name="ns"/>.</summary>
    public bool Allows(string ns, string capability)
    {
        if (IsManagement) return true;
        var matching = _rules.Where(r => r.Matches(ns)).ToList();
        if (matching.Count == 0) return false;
        var closest = matching.Max(Specificity);
        var granted = matching.Where(r => Specificity(r) == closest).SelectMany(r => r.Granted()).ToHashSet(StringComparer.Ordinal);
        return !granted.Contains(AclCapabilities.Deny) && granted.Contains(capability);
    }

    /// <summary>True when some namespace may allow <paramref name="capability"/>: a list across namespaces is then answered, filtered.</summary>
    /// <remarks>Each rule is tried on a namespace it names (a glob's prefix stands for the namespaces it covers).</remarks>
    public bool AllowsSomewhere(string capability) =>
        IsManagement || _rules.Select(r => r.IsGlob() ? r.Name[..^1] : r.Name).Distinct(StringComparer.Ordinal).Any(ns => Allows(ns, capability));

    /// <summary>True when <paramref name="scope"/> is granted at <paramref name="level"/> or higher.</summary>
    public bool Allows(AclScope scope, AclLevel level) =>
        IsManagement || (_levels.TryGetValue(scope, out var granted) && granted is { } g && g != AclLevel.Deny && g >= level);

    // An exact name beats every glob; a longer glob beats a shorter one.
    private static int Specificity(AclNamespaceRule rule) => rule.IsGlob() ? rule.Name.Length - 1 : int.MaxValue;

    private static AclLevel? Merge(IEnumerable<AclLevel?> levels)
    {
        var given = levels.OfType<AclLevel>().ToList();
        return given.Count == 0 ? null : given.Contains(AclLevel.Deny) ? AclLevel.Deny : given.Max();
    }
}
