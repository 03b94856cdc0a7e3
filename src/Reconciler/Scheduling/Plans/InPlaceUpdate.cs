using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Plans;

/// <summary>An allocation that keeps running and moves to a new job version whose change does not need a restart.</summary>
/// <param name="Allocation">The allocation.</param>
/// <param name="JobVersion">The version it now runs.</param>
/// <param name="Priority">The job's priority at that version.</param>
public sealed record InPlaceUpdate(AllocationRecord Allocation, long JobVersion, int Priority);
