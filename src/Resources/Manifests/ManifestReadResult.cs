using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Model;

namespace Reconciler.Resources.Manifests;

/// <summary>
/// What reading a manifest gave: the valid resources (defaults applied), and every error found.
/// Callers that write must write nothing unless <see cref="IsValid"/>.
/// </summary>
/// <param name="Resources">The documents that were valid, in file order, with defaults applied.</param>
/// <param name="Errors">Every problem found, ordered by position.</param>
public sealed record ManifestReadResult(IReadOnlyList<Resource> Resources, IReadOnlyList<SourceError> Errors)
{
    /// <summary>True when no document had an error.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Several results as one, e.g. for every file of a directory.</summary>
    public static ManifestReadResult Combine(IEnumerable<ManifestReadResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        return new ManifestReadResult([.. list.SelectMany(r => r.Resources)], [.. list.SelectMany(r => r.Errors)]);
    }
}
