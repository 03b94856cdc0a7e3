namespace Reconciler.Resources.Kinds;

/// <summary>What a plan does to one task group's allocations, counted per bucket.</summary>
public sealed record GroupDesiredChanges
{
    /// <summary>New allocations.</summary>
    public int Place { get; init; }

    /// <summary>Allocations stopped.</summary>
    public int Stop { get; init; }

    /// <summary>Allocations moved to the new job version where they run.</summary>
    public int InPlaceUpdate { get; init; }

    /// <summary>Allocations replaced by new ones for the new job version.</summary>
    public int DestructiveUpdate { get; init; }

    /// <summary>Allocations moved off draining nodes.</summary>
    public int Migrate { get; init; }

    /// <summary>Allocations lost with their nodes and replaced.</summary>
    public int Lost { get; init; }

    /// <summary>Allocations left as they are.</summary>
    public int Ignore { get; init; }

    /// <summary>Allocations of other jobs evicted to make room.</summary>
    public int Preemptions { get; init; }
}
