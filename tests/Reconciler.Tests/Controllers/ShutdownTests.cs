using Reconciler.Reconciliation;
using Reconciler.Tests.Fixtures;

namespace Reconciler.Tests.Controllers;

public class ShutdownTests
{
    [Fact]
    public async Task Shutdown_mid_reconcile_waits_for_the_reconcile_then_stops()
    {
        var probe = new GizmoProbe();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = false;
        var cancelled = false;
        probe.Behaviour = async (_, _, ct) =>
        {
            started.TrySetResult();
            await release.Task;
            cancelled = ct.IsCancellationRequested;
            finished = true;
            return ReconcileResult.Done;
        };
        await using var kit = await ProbeKit.StartAsync(probe);
        await kit.ApplyAsync(Gizmo.Create("slow"));
        await started.Task;

        var stopping = kit.StopAsync();
        stopping.IsCompleted.Should().BeFalse("a reconcile is in flight");
        release.SetResult();
        await stopping;

        finished.Should().BeTrue();
        cancelled.Should().BeFalse("the reconcile finished within the shutdown timeout");
        kit.Runtime.Controllers[0].Queue.IsShuttingDown.Should().BeTrue();
        await kit.ApplyAsync(Gizmo.Create("after-stop"));
        probe.ValuesOf("after-stop").Should().BeEmpty();
    }
}
