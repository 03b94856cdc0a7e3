namespace Reconciler.Host.Api.Apply;

/// <summary>What <see cref="ManifestApplier"/> did: the plan it wrote (or, on a dry run, would write) and the store revision after it.</summary>
/// <param name="Plan">The decisions, one per object.</param>
/// <param name="Revision">The revision of the write, or the revision the plan read at when nothing was written.</param>
public sealed record AppliedPlan(ApplyPlan Plan, long Revision);
