using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>What the client reports about an <see cref="Allocation"/>.</summary>
public sealed record AllocationStatus : ResourceStatus
{
    /// <summary>Where the allocation is in its life on the client.</summary>
    public AllocationClientStatus ClientStatus { get; init; } = AllocationClientStatus.Pending;

    /// <summary>Why, for people.</summary>
    public string? ClientDescription { get; init; }

    /// <summary>Deployment health, set while a deployment watches the allocation.</summary>
    public AllocationHealth? Health { get; init; }

    /// <summary>The state of each task by name.</summary>
    public IReadOnlyDictionary<string, TaskState> TaskStates { get; init; } = new Dictionary<string, TaskState>();
}
