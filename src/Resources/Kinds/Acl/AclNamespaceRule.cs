namespace Reconciler.Resources.Kinds;

/// <summary>What a policy allows in the namespaces <see cref="Name"/> matches: a coarse <see cref="Policy"/>, explicit <see cref="Capabilities"/>, or both.</summary>
public sealed record AclNamespaceRule
{
    /// <summary>A namespace name, or a prefix glob ending in <c>*</c>: <c>dev-*</c> matches <c>dev-a</c>, <c>*</c> every namespace.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>read</c> or <c>write</c> expand to a set of <see cref="AclCapabilities"/>; <c>deny</c> refuses everything.</summary>
    public AclLevel? Policy { get; init; }

    /// <summary>Capabilities granted besides the policy's (see <see cref="AclCapabilities.All"/>); <c>deny</c> refuses everything.</summary>
    public IReadOnlyList<string> Capabilities { get; init; } = [];

    /// <summary>True when <see cref="Name"/> is a glob rather than an exact name.</summary>
    public bool IsGlob() => Name.EndsWith('*');

    /// <summary>True when this rule's name covers <paramref name="ns"/>.</summary>
    public bool Matches(string ns) => IsGlob() ? ns.StartsWith(Name[..^1], StringComparison.Ordinal) : ns == Name;

    /// <summary>Every capability this rule grants: the policy's expanded, then the explicit ones.</summary>
    public IEnumerable<string> Granted() => AclCapabilities.Of(Policy).Concat(Capabilities);
}
