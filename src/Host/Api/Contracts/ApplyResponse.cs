namespace Reconciler.Host.Api.Contracts;

/// <summary>What <c>/v1/apply</c> or <c>/v1/delete</c> did (or, on a dry run, would do) to each object.</summary>
/// <param name="DryRun">True when nothing was written.</param>
/// <param name="Revision">The store revision after the writes (the revision read at on a dry run).</param>
/// <param name="Objects">One entry per object, in the order they were applied.</param>
public sealed record ApplyResponse(bool DryRun, long Revision, IReadOnlyList<ObjectChange> Objects);

/// <summary>The outcome for one object.</summary>
/// <param name="Key">The object, as <c>Kind/namespace/name</c> or <c>Kind/name</c>.</param>
/// <param name="Action"><c>created</c>, <c>configured</c>, <c>unchanged</c>, <c>pruned</c>, <c>deleted</c>, <c>terminating</c> or <c>notFound</c>.</param>
/// <param name="Live">With diff: the stored object's user fields as YAML, secret values redacted; null when it does not exist.</param>
/// <param name="Desired">With diff: the applied object's user fields as YAML, secret values redacted; null when it is pruned.</param>
public sealed record ObjectChange(string Key, string Action, string? Live = null, string? Desired = null);
