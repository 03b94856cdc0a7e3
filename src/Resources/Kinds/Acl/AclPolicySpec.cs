namespace Reconciler.Resources.Kinds;

/// <summary>The rules of an <see cref="AclPolicy"/>. A rule left out grants nothing; <c>deny</c> wins over every grant.</summary>
public sealed record AclPolicySpec
{
    /// <summary>A sentence for people.</summary>
    public string? Description { get; init; }

    /// <summary>Rules per namespace: an exact name, or a prefix glob ending in <c>*</c> (<c>dev-*</c>, <c>*</c>).</summary>
    public IReadOnlyList<AclNamespaceRule> Namespaces { get; init; } = [];

    /// <summary>Access to nodes: list, read, drain, eligibility.</summary>
    public AclLevel? Node { get; init; }

    /// <summary>Access to operator routes: snapshots.</summary>
    public AclLevel? Operator { get; init; }

    /// <summary>Access to the agent's own routes (<c>/v1/agent/self</c>).</summary>
    public AclLevel? Agent { get; init; }
}
