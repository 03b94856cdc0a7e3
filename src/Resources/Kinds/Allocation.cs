using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>One placement of a job group on a node.</summary>
[Kind("Allocation", System = true)]
public sealed record Allocation : Resource<AllocationSpec, ResourceStatus>;

/// <summary>The desired state of a Allocation.</summary>
public sealed record AllocationSpec;
