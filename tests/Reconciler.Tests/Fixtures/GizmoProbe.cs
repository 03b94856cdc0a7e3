using System.Collections.Concurrent;
using Reconciler.Reconciliation;

namespace Reconciler.Tests.Fixtures;

/// <summary>What a test wants its reconciler to do, and a record of every call.</summary>
public sealed class GizmoProbe
{
    public Func<Gizmo, ReconcileContext, CancellationToken, Task<ReconcileResult>> Behaviour { get; set; } =
        (_, _, _) => Task.FromResult(ReconcileResult.Done);

    public ConcurrentQueue<(Gizmo Gizmo, DateTimeOffset At)> Reconciles { get; } = new();

    public int Count => Reconciles.Count;

    public IEnumerable<string> ValuesOf(string name) => Reconciles.Where(r => r.Gizmo.Metadata.Name == name).Select(r => r.Gizmo.Spec.Value);
}

public sealed class ProbeReconciler(GizmoProbe probe) : IReconciler<Gizmo>
{
    public Task<ReconcileResult> ReconcileAsync(Gizmo resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        probe.Reconciles.Enqueue((resource, context.Time.GetUtcNow()));
        return probe.Behaviour(resource, context, cancellationToken);
    }
}
