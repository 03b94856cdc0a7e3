using Reconciler.Reconciliation;

namespace Reconciler.Tests.Fixtures;

/// <summary>A finalizer whose clean-up a test scripts; records every call.</summary>
public sealed class ProbeFinalizer(FinalizerProbe probe) : IFinalizer<Gizmo>
{
    public Task<ReconcileResult> FinalizeAsync(Gizmo resource, ReconcileContext context, CancellationToken cancellationToken)
    {
        probe.Calls.Add(resource.Metadata.Name);
        return Task.FromResult(probe.Result());
    }
}

public sealed class FinalizerProbe
{
    public List<string> Calls { get; } = [];

    public Func<ReconcileResult> Result { get; set; } = () => ReconcileResult.Done;
}
