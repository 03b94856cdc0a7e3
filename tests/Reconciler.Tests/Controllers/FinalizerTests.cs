using Microsoft.Extensions.DependencyInjection;
using Reconciler.Clients;
using Reconciler.Reconciliation;
using Reconciler.Tests.Fixtures;

namespace Reconciler.Tests.Controllers;

public class FinalizerTests
{
    private const string Cleanup = "tests.reconciler/cleanup";
    private readonly GizmoProbe _probe = new();
    private readonly FinalizerProbe _finalizer = new();

    private Task<Reconciler.Testing.ReconcilerTestKit> StartAsync() =>
        ProbeKit.StartAsync(_probe, o => o.WithFinalizer<ProbeFinalizer>(Cleanup), services: s => s.AddSingleton(_finalizer));

    [Fact]
    public async Task A_reconciled_object_carries_the_controllers_finalizer()
    {
        await using var kit = await StartAsync();

        await kit.ApplyAsync(Gizmo.Create("a"));
        await kit.RunUntilIdleAsync();

        (await kit.GetAsync<Gizmo>(Gizmo.KeyOf("a")))!.Metadata.Finalizers.Should().Equal(Cleanup);
        _probe.Count.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Deleting_an_object_with_a_finalizer_runs_the_finalizer_and_then_the_object_disappears()
    {
        await using var kit = await StartAsync();
        await kit.ApplyAsync(Gizmo.Create("a"));
        await kit.RunUntilIdleAsync();
        var reconcilesBeforeDelete = _probe.Count;

        var outcome = await kit.Client.DeleteAsync(Gizmo.KeyOf("a"));
        await kit.RunUntilIdleAsync();

        outcome.Should().Be(DeleteOutcome.Terminating);
        _finalizer.Calls.Should().Equal("a");
        (await kit.GetAsync<Gizmo>(Gizmo.KeyOf("a"))).Should().BeNull();
        _probe.Count.Should().Be(reconcilesBeforeDelete, "an object being deleted is finalized, not reconciled");
    }

    [Fact]
    public async Task A_failing_finalizer_keeps_the_object_until_a_retry_succeeds()
    {
        var failures = 2;
        _finalizer.Result = () => failures-- > 0 ? ReconcileResult.Fail("still cleaning") : ReconcileResult.Done;
        await using var kit = await StartAsync();
        await kit.ApplyAsync(Gizmo.Create("a"));
        await kit.RunUntilIdleAsync();

        await kit.Client.DeleteAsync(Gizmo.KeyOf("a"));
        await kit.RunUntilIdleAsync();
        var whileFailing = await kit.GetAsync<Gizmo>(Gizmo.KeyOf("a"));
        await kit.AdvanceAsync(TimeSpan.FromSeconds(1));

        whileFailing!.Metadata.DeletionTimestamp.Should().NotBeNull();
        whileFailing.Metadata.Finalizers.Should().Equal(Cleanup);
        _finalizer.Calls.Should().HaveCount(3);
        (await kit.GetAsync<Gizmo>(Gizmo.KeyOf("a"))).Should().BeNull();
    }

    [Fact]
    public async Task Another_controllers_finalizer_keeps_the_object_after_ours_is_removed()
    {
        await using var kit = await StartAsync();
        await kit.ApplyAsync(Gizmo.Create("a") with { Metadata = Gizmo.Create("a").Metadata with { Finalizers = ["someone.else/wait"] } });
        await kit.RunUntilIdleAsync();

        await kit.Client.DeleteAsync(Gizmo.KeyOf("a"));
        await kit.RunUntilIdleAsync();

        var remaining = await kit.GetAsync<Gizmo>(Gizmo.KeyOf("a"));
        remaining!.Metadata.Finalizers.Should().Equal("someone.else/wait");
        _finalizer.Calls.Should().Equal("a");
    }
}
