using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Plans;

/// <summary>An allocation the plan stops or evicts, and why.</summary>
/// <param name="Allocation">The allocation.</param>
/// <param name="DesiredStatus">Stop, or Evict for preemption.</param>
/// <param name="Description">Why, for people, e.g. "alloc is being migrated".</param>
/// <param name="Lost">Its node is down: the client status becomes lost too.</param>
/// <param name="PreemptedBy">The allocation it makes room for, when preempted.</param>
public sealed record AllocationStop(
    AllocationRecord Allocation,
    AllocationDesiredStatus DesiredStatus,
    string Description,
    bool Lost = false,
    string? PreemptedBy = null);
