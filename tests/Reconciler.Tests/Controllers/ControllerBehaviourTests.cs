using System.Collections.Concurrent;
using Reconciler.Reconciliation;
using Reconciler.Tests.Fixtures;

namespace Reconciler.Tests.Controllers;

public class ControllerBehaviourTests
{
    private readonly GizmoProbe _probe = new();

    [Fact]
    public async Task An_applied_object_is_reconciled_from_the_cache_and_its_status_written()
    {
        _probe.Behaviour = async (gizmo, context, ct) =>
        {
            var seen = context.MarkReady(gizmo with { Status = gizmo.Status with { Seen = gizmo.Spec.Value } }, "Converged", "seen");
            await context.UpdateStatusAsync(seen, ct);
            return ReconcileResult.Done;
        };
        await using var kit = await ProbeKit.StartAsync(_probe);

        await kit.ApplyAsync(Gizmo.Create("a", "hello"));
        await kit.RunUntilIdleAsync();

        var stored = await kit.GetAsync<Gizmo>(Gizmo.KeyOf("a"));
        stored!.Status.Seen.Should().Be("hello");
        ResourceConditions.IsReady(stored).Should().BeTrue();
        _probe.Count.Should().Be(2, "the status write is a change too, and the second look finds nothing to write");
    }

    [Fact]
    public async Task Ten_thousand_updates_of_one_key_while_its_reconciler_is_slow_lead_to_one_more_reconcile_of_the_last_state()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _probe.Behaviour = async (_, _, _) =>
        {
            if (started.TrySetResult()) await release.Task;
            return ReconcileResult.Done;
        };
        await using var kit = await ProbeKit.StartAsync(_probe);
        await kit.ApplyAsync(Gizmo.Create("hot", "0"));
        await started.Task;

        for (var i = 1; i <= 10_000; i++) await kit.ApplyAsync(Gizmo.Create("hot", i.ToString()));
        await kit.SyncCacheAsync();
        release.SetResult();
        await kit.RunUntilIdleAsync();

        _probe.Count.Should().Be(2, "every update arrived while the first reconcile ran, so the key was queued once more");
        _probe.ValuesOf("hot").Last().Should().Be("10000");
    }

    [Fact]
    public async Task A_reconciler_that_throws_is_retried_with_growing_delays()
    {
        _probe.Behaviour = (_, _, _) => throw new InvalidOperationException("boom");
        await using var kit = await ProbeKit.StartAsync(_probe);

        await kit.ApplyAsync(Gizmo.Create("failing"));
        await kit.RunUntilIdleAsync();
        for (var i = 0; i < 6; i++) (await kit.AdvanceToNextDelayedAsync()).Should().BeTrue();

        var times = _probe.Reconciles.Select(r => r.At).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalMilliseconds);
        gaps.Should().Equal(5, 10, 20, 40, 80, 160);
    }

    [Fact]
    public async Task A_failure_result_backs_off_and_a_success_resets_the_backoff()
    {
        var failuresLeft = 3;
        var failuresSeen = new List<int>();
        _probe.Behaviour = (_, context, _) =>
        {
            failuresSeen.Add(context.Failures);
            return Task.FromResult(Interlocked.Decrement(ref failuresLeft) >= 0 ? ReconcileResult.Fail("not yet") : ReconcileResult.Done);
        };
        await using var kit = await ProbeKit.StartAsync(_probe);

        await kit.ApplyAsync(Gizmo.Create("flaky"));
        await kit.AdvanceAsync(TimeSpan.FromSeconds(1));

        failuresSeen.Should().Equal(0, 1, 2, 3);
        kit.Runtime.Controllers[0].Queue.Failures(Gizmo.KeyOf("flaky")).Should().Be(0);
        kit.Runtime.NextDelayedAt.Should().BeNull();
    }

    [Fact]
    public async Task With_eight_workers_no_key_is_ever_reconciled_concurrently_and_each_ends_at_its_last_state()
    {
        var inFlight = new ConcurrentDictionary<string, int>();
        var overlaps = 0;
        _probe.Behaviour = async (gizmo, _, _) =>
        {
            var name = gizmo.Metadata.Name;
            if (inFlight.AddOrUpdate(name, 1, (_, n) => n + 1) > 1) Interlocked.Increment(ref overlaps);
            for (var i = 0; i < 3; i++) await Task.Yield();
            inFlight.AddOrUpdate(name, 0, (_, n) => n - 1);
            return ReconcileResult.Done;
        };
        await using var kit = await ProbeKit.StartAsync(_probe, o => o.Workers = 8);

        var names = Enumerable.Range(0, 20).Select(i => $"g{i}").ToList();
        await Task.WhenAll(names.Select(async name =>
        {
            for (var v = 0; v < 50; v++) await kit.ApplyAsync(Gizmo.Create(name, v.ToString()));
        }));
        await kit.RunUntilIdleAsync();

        overlaps.Should().Be(0);
        foreach (var name in names) _probe.ValuesOf(name).Last().Should().Be("49");
    }

    [Fact]
    public async Task A_requeue_reconciles_the_key_again_when_its_delay_has_passed()
    {
        _probe.Behaviour = (_, _, _) => Task.FromResult(ReconcileResult.RequeueAfter(TimeSpan.FromMinutes(1)));
        await using var kit = await ProbeKit.StartAsync(_probe, o => o.ResyncPeriod = null);

        await kit.ApplyAsync(Gizmo.Create("periodic"));
        await kit.AdvanceAsync(TimeSpan.FromSeconds(59));
        var beforeDelay = _probe.Count;
        await kit.AdvanceAsync(TimeSpan.FromSeconds(1));

        beforeDelay.Should().Be(1);
        _probe.Count.Should().Be(2);
    }

    [Fact]
    public async Task A_periodic_resync_reconciles_every_object_although_nothing_changed()
    {
        await using var kit = await ProbeKit.StartAsync(_probe, o => o.ResyncPeriod = TimeSpan.FromMinutes(10));
        await kit.ApplyAsync(Gizmo.Create("a"));
        await kit.ApplyAsync(Gizmo.Create("b"));
        await kit.RunUntilIdleAsync();

        kit.Time.Advance(TimeSpan.FromMinutes(10));
        await kit.RunUntilIdleAsync();

        _probe.Reconciles.Select(r => r.Gizmo.Metadata.Name).Should().BeEquivalentTo(["a", "b", "a", "b"]);
    }

    [Fact]
    public async Task A_change_to_a_watched_kind_enqueues_the_key_its_map_names()
    {
        var owners = new List<string>();
        _probe.Behaviour = (gizmo, _, _) =>
        {
            owners.Add(gizmo.Metadata.Name);
            return Task.FromResult(ReconcileResult.Done);
        };
        await using var kit = await ProbeKit.StartAsync(_probe, o => o
            .WithPredicate(Reconciler.Informers.ChangePredicate.Where(c => ((Gizmo)c.Object).Spec.Owner is null))
            .Watch<Gizmo>(child => child.Spec.Owner is { } owner ? [Gizmo.KeyOf(owner)] : []));
        await kit.ApplyAsync(Gizmo.Create("parent"));
        await kit.RunUntilIdleAsync();

        await kit.ApplyAsync(Gizmo.Create("child") with { Spec = new GizmoSpec { Value = "x", Owner = "parent" } });
        await kit.RunUntilIdleAsync();

        owners.Should().Equal("parent", "parent");
    }
}
