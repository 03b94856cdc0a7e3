using System.Diagnostics.Metrics;

namespace Reconciler.Drivers.Tests.Client.Stats;

/// <summary>Reads the observable gauges of one meter, as a scrape would: every series the callbacks report now, with its labels.</summary>
internal sealed class GaugeReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Name, double Value, Dictionary<string, string> Labels)> _read = [];

    public GaugeReader(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            _read.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString() ?? ""))));
        _listener.Start();
    }

    public IReadOnlyList<(string Name, double Value, Dictionary<string, string> Labels)> Read(string prefix = "recon.client.")
    {
        _read.Clear();
        _listener.RecordObservableInstruments();
        return [.. _read.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal))];
    }

    public void Dispose() => _listener.Dispose();
}
