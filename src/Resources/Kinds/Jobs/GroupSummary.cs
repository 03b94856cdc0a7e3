namespace Reconciler.Resources.Kinds;

/// <summary>How many allocations of one task group are in each state.</summary>
public sealed record GroupSummary
{
    /// <summary>Waiting for room on a node.</summary>
    public int Queued { get; init; }

    /// <summary>Placed, not running yet.</summary>
    public int Starting { get; init; }

    /// <summary>Running.</summary>
    public int Running { get; init; }

    /// <summary>Failed.</summary>
    public int Failed { get; init; }

    /// <summary>Finished successfully.</summary>
    public int Complete { get; init; }

    /// <summary>Lost with their node.</summary>
    public int Lost { get; init; }
}
