using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Reconciler.Host.Api.Errors;
using Reconciler.Metrics;

namespace Reconciler.Host.Api.Telemetry;

/// <summary>
/// <c>GET /v1/metrics?format=prometheus</c>: the agent's metrics — the controller runtime's meter
/// (<see cref="ReconcilerMetrics.MeterName"/>: reconciles, errors, retries, durations, queue depths per controller) — in
/// Prometheus' text format, for the scrape job Nomad's tutorial sets up (<c>prometheus_metrics = true</c> in
/// <c>[telemetry]</c>). A <see cref="MeterListener"/> of this agent's own listens to this agent's meter only, so several
/// agents in one process never mix their figures. (prometheus-net 8.2.1's MeterAdapter was tried first: with a registry
/// of the agent's own it connected the instruments but published no series.)
/// </summary>
public sealed class PrometheusMetrics : IDisposable
{
    private const string ContentType = "text/plain; version=0.0.4; charset=utf-8";
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _series = new();

    /// <summary>Starts listening to <paramref name="metrics"/>' meter.</summary>
    public PrometheusMetrics(ReconcilerMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
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

    /// <summary>Maps the route; with Prometheus metrics on, starts listening at once, so the first scrape counts from the start.</summary>
    public static void Map(WebApplication app)
    {
        if (app.Services.GetRequiredService<ApiOptions>().PrometheusMetrics) app.Services.GetRequiredService<PrometheusMetrics>();
        app.MapGet("/v1/metrics", ServeAsync);
    }

    /// <summary>Writes the current figures in the text format (observable instruments are read now).</summary>
    public async Task WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var series in _series.Values.OrderBy(s => s.Name, StringComparer.Ordinal)) series.WriteTo(text);
        await destination.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_series.TryGetValue(instrument, out var series)) series.Record(value, tags);
    }

    private static async Task ServeAsync(HttpContext http, ApiOptions options, PrometheusMetrics metrics)
    {
        var format = http.Request.Query["format"].ToString();
        if (format != "prometheus")
            throw ApiException.BadRequest(format.Length == 0
                ? "/v1/metrics serves the Prometheus text format only: add ?format=prometheus."
                : $"Unknown metrics format '{format}': /v1/metrics serves ?format=prometheus only.");
        if (!options.PrometheusMetrics)
            throw ApiException.BadRequest("Prometheus metrics are off on this agent: set prometheus_metrics = true in its [telemetry] block and restart it.");
        http.Response.ContentType = ContentType;
        await metrics.WriteAsync(http.Response.Body, http.RequestAborted);
    }
}
