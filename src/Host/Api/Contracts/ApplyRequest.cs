namespace Reconciler.Host.Api.Contracts;

/// <summary>
/// The JSON body of <c>POST /v1/apply</c> (and, with only <see cref="Files"/>, of <c>POST /v1/delete</c>).
/// A raw YAML body works too: it is one file named <c>request</c>, with the options as query parameters.
/// </summary>
public sealed record ApplyRequest
{
    /// <summary>The manifests; every document of every file is applied, or none when any is invalid.</summary>
    public IReadOnlyList<ManifestFile> Files { get; init; } = [];

    /// <summary>Report what would be created, configured, unchanged or pruned, and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Delete objects an earlier apply created that match <see cref="Selector"/> and are no longer in <see cref="Files"/>.</summary>
    public bool Prune { get; init; }

    /// <summary>The label selector naming the set of objects this apply owns; required with <see cref="Prune"/>.</summary>
    public string? Selector { get; init; }

    /// <summary>Include the live and desired YAML of each object (secret values redacted), for <c>recon diff</c>.</summary>
    public bool Diff { get; init; }
}
