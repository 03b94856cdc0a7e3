namespace Reconciler.Resources.Kinds;

/// <summary>
/// One reschedule in an allocation's history: which failed allocation it replaced, where that one ran, when it was
/// replaced and after what wait. Carried from allocation to replacement so attempts within the reschedule policy's
/// interval can be counted and the next delay grown from the last ones.
/// </summary>
public sealed record RescheduleEvent
{
    /// <summary>The failed allocation that was replaced.</summary>
    public string PreviousAllocation { get; init; } = "";

    /// <summary>The node the failed allocation ran on.</summary>
    public string PreviousNode { get; init; } = "";

    /// <summary>When the replacement was placed.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>How long after the failure the replacement waited.</summary>
    public TimeSpan Delay { get; init; }
}
