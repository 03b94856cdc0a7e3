namespace Reconciler.Host.Api.Telemetry;

/// <summary>Which list of <c>/v1/metrics</c> JSON a point belongs in, as Nomad's: gauges, counters, samples.</summary>
public enum MetricPointKind
{
    /// <summary>A value that goes up and down (observable instruments, up-down counters).</summary>
    Gauge,

    /// <summary>A running total.</summary>
    Counter,

    /// <summary>A distribution of recorded values (a histogram): how many and their sum.</summary>
    Sample,
}
