namespace Reconciler.Host.Api.Contracts;

/// <summary>
/// <c>GET /v1/gitops</c>: how the agent's GitOps sync (<c>[gitops]</c>) keeps the cluster in step with its directory.
/// Only the leading server syncs, so only its answer has syncs in it. No field carries a secret value.
/// </summary>
/// <param name="Enabled">False when the agent has no <c>[gitops] enabled = true</c> (then every other field is empty).</param>
/// <param name="Path">The directory of manifests.</param>
/// <param name="Prune">Whether objects the sync applied and that left the directory are deleted.</param>
/// <param name="Interval">How often the directory is applied even when no file changed (drift correction).</param>
/// <param name="Leading">True while this agent leads and so runs the sync.</param>
/// <param name="LastSync">The last sync that applied (whether or not it changed anything).</param>
/// <param name="LastChange">The last sync that wrote something.</param>
/// <param name="LastError">Why the latest attempt applied nothing; null once a sync succeeds again.</param>
public sealed record GitOpsStatus(
    bool Enabled,
    string? Path = null,
    bool Prune = false,
    TimeSpan? Interval = null,
    bool Leading = false,
    GitOpsSyncSummary? LastSync = null,
    GitOpsSyncSummary? LastChange = null,
    GitOpsError? LastError = null);
