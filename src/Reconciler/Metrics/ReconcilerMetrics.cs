using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

using Reconciler.Queue;
using Reconciler.Reconciliation;

namespace Reconciler.Metrics;

/// <summary>
/// The runtime's instruments on the <c>Reconciler.Runtime</c> meter, each tagged with the controller name:
/// reconciles (by result), errors, reconcile duration, retries and queue depth.
/// </summary>
public sealed class ReconcilerMetrics : IDisposable
{
    /// <summary>The name of the meter every instrument lives on.</summary>
    public const string MeterName = "Reconciler.Runtime";

    private readonly ConcurrentDictionary<string, WorkQueue> _queues = new();
    private readonly bool _ownsMeter;
    private readonly Counter<long> _reconciles;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of its own.</summary>
    public ReconcilerMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _reconciles = Meter.CreateCounter<long>("reconciler.reconciles", "{reconcile}", "Reconciles finished, by controller and result.");
        _errors = Meter.CreateCounter<long>("reconciler.reconcile.errors", "{error}", "Reconciles that failed or threw.");
        _retries = Meter.CreateCounter<long>("reconciler.retries", "{retry}", "Keys requeued with backoff after a failure.");
        _duration = Meter.CreateHistogram<double>("reconciler.reconcile.duration", "s", "How long one reconcile took.");
        Meter.CreateObservableGauge("reconciler.queue.depth", ObserveDepth, "{key}", "Keys ready in a controller's work queue.");
    }

    /// <summary>The meter the instruments live on.</summary>
    public Meter Meter { get; }

    /// <summary>Reports the depth of <paramref name="queue"/> as the queue of <paramref name="controller"/>.</summary>
    public void TrackQueue(string controller, WorkQueue queue) => _queues[controller] = queue;

    /// <summary>Records one finished reconcile.</summary>
    public void RecordReconcile(string controller, ReconcileOutcome outcome, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("controller", controller);
        _reconciles.Add(1, tag, new KeyValuePair<string, object?>("result", ResultTag(outcome)));
        _duration.Record(duration.TotalSeconds, tag);
        if (outcome == ReconcileOutcome.Failed) _errors.Add(1, tag);
    }

    /// <summary>Records one backoff retry.</summary>
    public void RecordRetry(string controller) => _retries.Add(1, new KeyValuePair<string, object?>("controller", controller));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter) Meter.Dispose();
    }

    private static string ResultTag(ReconcileOutcome outcome) => outcome switch
    {
        ReconcileOutcome.Requeue => "requeue",
        ReconcileOutcome.Failed => "error",
        _ => "done",
    };

    private IEnumerable<Measurement<int>> ObserveDepth() =>
        _queues.Select(q => new Measurement<int>(q.Value.Count, new TagList { { "controller", q.Key } }));
}
