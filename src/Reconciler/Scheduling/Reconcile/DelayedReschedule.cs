using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Reconcile;

/// <summary>A failed allocation whose replacement is placed no earlier than <paramref name="DueAt"/> (its reschedule delay).</summary>
/// <param name="Failed">The failed allocation.</param>
/// <param name="DueAt">When its delay has passed.</param>
public sealed record DelayedReschedule(AllocationRecord Failed, DateTimeOffset DueAt);
