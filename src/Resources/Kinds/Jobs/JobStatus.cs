using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>The observed state of a <see cref="Job"/>: whether it runs, and how its groups' allocations fare.</summary>
public sealed record JobStatus : ResourceStatus
{
    /// <summary>Pending until an allocation runs, running while any does, dead once none will run again.</summary>
    public JobState State { get; init; } = JobState.Pending;

    /// <summary>Allocation counts per group name, as <c>job status</c> shows them.</summary>
    public IReadOnlyDictionary<string, GroupSummary> Summary { get; init; } = new Dictionary<string, GroupSummary>();

    /// <summary>
    /// A digest of the spec last evaluated with every group count left out, so a change of counts alone is
    /// told apart (a scaling) from any other change (a register).
    /// </summary>
    public string? EvaluatedShape { get; init; }
}
