namespace Reconciler.Resources.Agent;

/// <summary>Metrics collection and publishing (<c>[telemetry]</c>), with Nomad's keys and defaults.</summary>
public sealed record TelemetryConfig
{
    /// <summary>How often runtime metrics are sampled (<c>collection_interval</c>).</summary>
    public TimeSpan CollectionInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Leave the host name out of metric names (<c>disable_hostname</c>).</summary>
    public bool DisableHostname { get; init; }

    /// <summary>Serve Prometheus text at <c>/v1/metrics?format=prometheus</c> (<c>prometheus_metrics</c>).</summary>
    public bool PrometheusMetrics { get; init; }

    /// <summary>Publish per-allocation resource usage (<c>publish_allocation_metrics</c>).</summary>
    public bool PublishAllocationMetrics { get; init; }

    /// <summary>Publish per-node resource usage (<c>publish_node_metrics</c>).</summary>
    public bool PublishNodeMetrics { get; init; }
}
