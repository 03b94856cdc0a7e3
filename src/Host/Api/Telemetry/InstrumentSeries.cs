using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Reconciler.Host.Api.Telemetry;

/// <summary>
/// What one System.Diagnostics.Metrics instrument measured, per label set, written as one Prometheus metric family:
/// counters as <c>_total</c> counters, histograms with fixed buckets (seconds), observable and up-down instruments as gauges.
/// </summary>
internal sealed class InstrumentSeries(Instrument instrument)
{
    // From half a millisecond to ten seconds: reconcile durations and the like.
    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);
    private readonly Kind _kind = KindOf(instrument);

    private enum Kind { Counter, Gauge, Histogram }

    /// <summary>The family's name: the instrument's, in Prometheus' alphabet, with the unit and counter suffixes.</summary>
    public string Name { get; } = NameOf(instrument, KindOf(instrument));

    /// <summary>Records one measurement: an increment, an observed value, or a sample of a histogram.</summary>
    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        // The label map is built only for a label set not seen before, not on every measurement.
        if (!_cells.TryGetValue(labels, out var cell))
            cell = _cells.GetOrAdd(labels, new Cell(_kind == Kind.Histogram ? Buckets.Length : 0, TagMap(tags)));
        lock (cell)
        {
            switch (_kind)
            {
                case Kind.Histogram:
                    for (var i = 0; i < Buckets.Length; i++) if (value <= Buckets[i]) cell.Buckets[i]++;
                    cell.Count++;
                    cell.Value += value;
                    break;
                case Kind.Counter or Kind.Gauge when instrument.IsObservable:
                    cell.Value = value;
                    break;
                default:
                    cell.Value += value;
                    break;
            }
        }
    }

    /// <summary>
    /// Forgets an observable instrument's series before it is observed again, so a label set its callback no longer
    /// reports (a stopped task) disappears instead of repeating its last value.
    /// </summary>
    public void ForgetObserved()
    {
        if (instrument.IsObservable) _cells.Clear();
    }

    /// <summary>The series as <c>/v1/metrics</c> JSON lists them: gauges, counters, or samples (histograms), by the instrument's own name.</summary>
    public IEnumerable<MetricPoint> Points()
    {
        foreach (var (_, cell) in _cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            lock (cell)
            {
                yield return _kind switch
                {
                    Kind.Gauge => new MetricPoint(MetricPointKind.Gauge, instrument.Name, cell.Labels, cell.Value, null, null),
                    Kind.Counter => new MetricPoint(MetricPointKind.Counter, instrument.Name, cell.Labels, cell.Value, null, null),
                    _ => new MetricPoint(MetricPointKind.Sample, instrument.Name, cell.Labels, null, cell.Count, cell.Value),
                };
            }
        }
    }

    /// <summary>Appends the family in the text exposition format (nothing when it has measured nothing yet).</summary>
    public void WriteTo(StringBuilder text)
    {
        if (_cells.IsEmpty) return;
        text.Append("# HELP ").Append(Name).Append(' ').Append(Escape(instrument.Description ?? instrument.Name, quotes: false)).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(_kind.ToString().ToLowerInvariant()).Append('\n');
        foreach (var (labels, cell) in _cells.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            lock (cell)
            {
                if (_kind != Kind.Histogram)
                {
                    Line(text, Name, labels, null, cell.Value);
                    continue;
                }
                for (var i = 0; i < Buckets.Length; i++) Line(text, Name + "_bucket", labels, Number(Buckets[i]), cell.Buckets[i]);
                Line(text, Name + "_bucket", labels, "+Inf", cell.Count);
                Line(text, Name + "_sum", labels, null, cell.Value);
                Line(text, Name + "_count", labels, null, cell.Count);
            }
        }
    }

    private static void Line(StringBuilder text, string name, string labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Length > 0 || le is not null)
        {
            text.Append('{').Append(labels);
            if (le is not null) text.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty) return "";
        var sorted = tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal);
        return string.Join(",", sorted.Select(t => $"{Sanitize(t.Key)}=\"{Escape(Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? "", quotes: true)}\""));
    }

    private static Dictionary<string, string> TagMap(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, string>(tags.Length, StringComparer.Ordinal);
        foreach (var tag in tags) map[tag.Key] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
        return map;
    }

    private static Kind KindOf(Instrument instrument) => instrument switch
    {
        Counter<long> or Counter<int> or Counter<double> or ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> => Kind.Counter,
        Histogram<long> or Histogram<int> or Histogram<double> => Kind.Histogram,
        _ => Kind.Gauge,
    };

    private static string NameOf(Instrument instrument, Kind kind)
    {
        var name = Sanitize(instrument.Name);
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal)) name += "_seconds";
        return kind == Kind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    private static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_').ToArray();
        if (chars.Length > 0 && char.IsAsciiDigit(chars[0])) return "_" + new string(chars);
        return new string(chars);
    }

    private static string Escape(string value, bool quotes)
    {
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return quotes ? escaped.Replace("\"", "\\\"", StringComparison.Ordinal) : escaped;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Cell(int buckets, IReadOnlyDictionary<string, string> labels)
    {
        public readonly IReadOnlyDictionary<string, string> Labels = labels;
        public double Value;
        public long Count;
        public readonly long[] Buckets = new long[buckets];
    }
}
