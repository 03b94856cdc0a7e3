using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Reconciler.Metrics;
using Reconciler.Reconciliation;
using Reconciler.Tests.Fixtures;

namespace Reconciler.Tests.Metrics;

public class ReconcilerMetricsTests
{
    [Fact]
    public async Task Reconciles_errors_durations_and_retries_are_counted_per_controller()
    {
        var probe = new GizmoProbe();
        var calls = 0;
        probe.Behaviour = (_, _, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? ReconcileResult.Fail("first try") : ReconcileResult.Done);
        await using var kit = await ProbeKit.StartAsync(probe, o => o.Name = "gizmos");
        var metrics = (ReconcilerMetrics)kit.Services.GetService(typeof(ReconcilerMetrics))!;
        var recorded = new ConcurrentQueue<(string Instrument, double Value, string? Controller, string? Result)>();
        using var listener = Listen(metrics.Meter, recorded);

        await kit.ApplyAsync(Gizmo.Create("m"));
        await kit.AdvanceAsync(TimeSpan.FromSeconds(1));
        listener.RecordObservableInstruments();

        recorded.Where(r => r.Instrument == "reconciler.reconciles").Select(r => r.Result).Should().BeEquivalentTo(["error", "done"]);
        recorded.Where(r => r.Instrument == "reconciler.reconcile.errors").Should().ContainSingle();
        recorded.Where(r => r.Instrument == "reconciler.retries").Should().ContainSingle();
        recorded.Where(r => r.Instrument == "reconciler.reconcile.duration").Should().HaveCount(2);
        recorded.Where(r => r.Instrument == "reconciler.queue.depth").Should().ContainSingle().Which.Value.Should().Be(0);
        recorded.Select(r => r.Controller).Should().AllBe("gizmos");
    }

    private static MeterListener Listen(Meter meter, ConcurrentQueue<(string, double, string?, string?)> recorded)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter) l.EnableMeasurementEvents(instrument);
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? controller = null, result = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "controller") controller = tag.Value as string;
                if (tag.Key == "result") result = tag.Value as string;
            }
            recorded.Enqueue((instrument.Name, value, controller, result));
        }
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        return listener;
    }
}
