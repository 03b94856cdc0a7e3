using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Errors;
using Reconciler.Metrics;

namespace Reconciler.Host.Api.Telemetry;

/// <summary>
/// <c>GET /v1/metrics</c>: the agent's metrics — the controller runtime's meter (<see cref="ReconcilerMetrics.MeterName"/>:
/// reconciles, errors, retries, durations, queue depths per controller) and, on a client with <c>publish_allocation_metrics</c>
/// or <c>publish_node_metrics</c>, the resource usage gauges (<c>recon.client.allocs.*</c>, <c>recon.client.host.*</c>) — as
/// JSON shaped like Nomad's (gauges, counters, samples), or with <c>?format=prometheus</c> in Prometheus' text format, for
/// the scrape job Nomad's tutorial sets up (<c>prometheus_metrics = true</c> in <c>[telemetry]</c>). A
/// <see cref="MeterListener"/> of this agent's own listens to this agent's meter only, so several agents in one process
/// never mix their figures. (prometheus-net 8.2.1's MeterAdapter was tried first: with a registry of the agent's own it
/// connected the instruments but published no series.)
/// </summary>
public sealed class PrometheusMetrics : IDisposable
{
    private const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _series = new();
    private readonly Lock _reading = new();
    private readonly TimeProvider _time;

    /// <summary>Starts listening to <paramref name="metrics"/>' meter.</summary>
    public PrometheusMetrics(ReconcilerMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter, metrics.Meter)) return;
            _series.TryAdd(instrument, new InstrumentSeries(instrument));
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Maps the route and starts listening at once, so the first read counts from the start.</summary>
    public static void Map(WebApplication app)
    {
        app.Services.GetRequiredService<PrometheusMetrics>();
        app.MapGet("/v1/metrics", ServeAsync);
    }

    /// <summary>Writes the current figures in the text format (observable instruments are read now).</summary>
    public async Task WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var series in Read()) series.WriteTo(text);
        await destination.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
    }

    /// <summary>The current figures as Nomad's <c>/v1/metrics</c> JSON: a timestamp and lists of gauges, counters and samples.</summary>
    public JsonObject ToJson()
    {
        var points = Read().SelectMany(s => s.Points()).ToList();
        JsonArray List(MetricPointKind kind, Func<MetricPoint, JsonObject> entry) => [.. points.Where(p => p.Kind == kind).Select(entry)];
        return new JsonObject
        {
            ["timestamp"] = _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["gauges"] = List(MetricPointKind.Gauge, p => Entry(p, ("value", p.Value))),
            ["counters"] = List(MetricPointKind.Counter, p => Entry(p, ("value", p.Value))),
            ["samples"] = List(MetricPointKind.Sample, p => Entry(p, ("count", p.Count), ("sum", p.Sum), ("mean", p.Count > 0 ? p.Sum / p.Count : 0))),
        };
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    // Observes the observable instruments afresh (their old series forgotten) and returns every family by name.
    private List<InstrumentSeries> Read()
    {
        lock (_reading)
        {
            foreach (var series in _series.Values) series.ForgetObserved();
            _listener.RecordObservableInstruments();
            return [.. _series.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
        }
    }

    private static JsonObject Entry(MetricPoint point, params (string Name, double? Value)[] figures)
    {
        var entry = new JsonObject { ["name"] = point.Name };
        foreach (var (name, value) in figures) entry[name] = value;
        entry["labels"] = new JsonObject(point.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        return entry;
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_series.TryGetValue(instrument, out var series)) series.Record(value, tags);
    }

    private static async Task ServeAsync(HttpContext http, ApiOptions options, PrometheusMetrics metrics)
    {
        var format = http.Request.Query["format"].ToString();
        if (format.Length == 0)
        {
            await Results.Json(metrics.ToJson(), ApiJson.Options).ExecuteAsync(http);
            return;
        }
        if (format != "prometheus")
            throw ApiException.BadRequest($"Unknown metrics format '{format}': /v1/metrics serves JSON, or Prometheus text with ?format=prometheus.");
        if (!options.PrometheusMetrics)
            throw ApiException.BadRequest("Prometheus metrics are off on this agent: set prometheus_metrics = true in its [telemetry] block and restart it.");
        http.Response.ContentType = ContentType;
        await metrics.WriteAsync(http.Response.Body, http.RequestAborted);
    }
}
