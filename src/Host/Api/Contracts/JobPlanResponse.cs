namespace Reconciler.Host.Api.Contracts;

/// <summary>
/// The answer to <c>POST /v1/job/{name}/plan</c> (<c>recon job plan</c>): how the proposed job differs from the one
/// registered, what the scheduler would do per group, and the index to run it at with <c>-check-index</c>.
/// </summary>
/// <param name="Job">The job's key.</param>
/// <param name="Diff">Changed fields, secret values redacted; empty when the spec is the registered one.</param>
/// <param name="Groups">What the scheduler would do per task group.</param>
/// <param name="Failures">Why allocations of a group could not be placed, in words, by group.</param>
/// <param name="JobModifyIndex">The registered job's modify index, its version (0 when it does not exist): moves only when the spec changes.</param>
/// <param name="Exists">Whether the job is registered.</param>
public sealed record JobPlanResponse(
    string Job,
    IReadOnlyList<FieldChange> Diff,
    IReadOnlyList<GroupPlan> Groups,
    IReadOnlyDictionary<string, string> Failures,
    long JobModifyIndex,
    bool Exists)
{
    /// <summary>Whether running the job would change anything: its spec or its allocations.</summary>
    public bool HasChanges => Diff.Count > 0 || Groups.Any(g => g.Place + g.Stop + g.InPlaceUpdate + g.DestructiveUpdate + g.Migrate > 0) || Failures.Count > 0;
}
