using Reconciler.Resources.Kinds;
using Reconciler.Scheduling.Fit;
using Reconciler.Scheduling.State;

namespace Reconciler.Scheduling.Placement;

/// <summary>Where one allocation goes: the node, its fit (ports assigned) and any allocations evicted to make room.</summary>
/// <param name="Node">The chosen node.</param>
/// <param name="Fit">The fit on it, with ports.</param>
/// <param name="Victims">Allocations of lower-priority jobs to evict first.</param>
public sealed record PlacementChoice(Node Node, FitResult Fit, IReadOnlyList<AllocationRecord> Victims);
