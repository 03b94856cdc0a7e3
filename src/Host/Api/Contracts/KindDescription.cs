namespace Reconciler.Host.Api.Contracts;

/// <summary>
/// A kind the agent serves (<c>GET /v1/kinds</c>), as <c>kubectl api-resources</c> lists them: its name,
/// the route segment it is served under, and whether it lives in namespaces.
/// </summary>
/// <param name="Kind">The kind as written in manifests, e.g. <c>Job</c>.</param>
/// <param name="Plural">The route segment, e.g. <c>jobs</c> in <c>/v1/jobs</c>.</param>
/// <param name="Namespaced">True when objects of the kind live in a namespace.</param>
/// <param name="System">True for kinds written by controllers (Node, Allocation, ...).</param>
public sealed record KindDescription(string Kind, string Plural, bool Namespaced, bool System)
{
    /// <summary>True when <paramref name="name"/> names this kind: its kind name, singular or plural, in any case.</summary>
    public bool Matches(string name) =>
        string.Equals(name, Kind, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, Plural, StringComparison.OrdinalIgnoreCase);

    /// <summary>The route segment for a kind name: lower case, English plural (<c>Job</c> → <c>jobs</c>, <c>AclPolicy</c> → <c>aclpolicies</c>).</summary>
    public static string PluralOf(string kind)
    {
        var lower = kind.ToLowerInvariant();
        if (lower.EndsWith('y') && lower.Length > 1 && !"aeiou".Contains(lower[^2])) return lower[..^1] + "ies";
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
            return lower + "es";
        return lower + "s";
    }
}
