using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>One placement of a job group on a node: desired by the scheduler, run and reported by the client.</summary>
[Kind("Allocation", System = true)]
public sealed record Allocation : Resource<AllocationSpec, AllocationStatus>;
