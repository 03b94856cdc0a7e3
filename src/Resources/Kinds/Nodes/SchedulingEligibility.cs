namespace Reconciler.Resources.Kinds;

/// <summary>Whether the scheduler may place new allocations on a node.</summary>
public enum SchedulingEligibility
{
    /// <summary>New allocations may be placed.</summary>
    Eligible,
    /// <summary>No new allocations; existing ones keep running.</summary>
    Ineligible,
}
