namespace Reconciler.Host.Api.Telemetry;

/// <summary>One series of one instrument at the moment of a <c>/v1/metrics</c> read.</summary>
/// <param name="Kind">The list it belongs in.</param>
/// <param name="Name">The instrument's name, dotted as recorded (<c>recon.client.allocs.memory.rss</c>).</param>
/// <param name="Labels">The series' labels.</param>
/// <param name="Value">A gauge's value or a counter's total.</param>
/// <param name="Count">How many values a sample holds.</param>
/// <param name="Sum">The sum of a sample's values.</param>
public sealed record MetricPoint(MetricPointKind Kind, string Name, IReadOnlyDictionary<string, string> Labels, double? Value, long? Count, double? Sum);
