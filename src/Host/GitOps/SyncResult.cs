using Reconciler.Host.Api.Contracts;

namespace Reconciler.Host.GitOps;

/// <summary>What one GitOps sync did: applied (<see cref="Applied"/>) or, all or nothing, applied nothing (<see cref="Failed"/>).</summary>
/// <param name="Applied">The sync, when it applied.</param>
/// <param name="Failed">Why it applied nothing.</param>
public sealed record SyncResult(GitOpsSyncSummary? Applied, GitOpsError? Failed)
{
    /// <summary>True when the sync wrote at least one object.</summary>
    public bool Changed => Applied is { Changes.Count: > 0 };
}
