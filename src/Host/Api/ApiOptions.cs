namespace Reconciler.Host.Api;

/// <summary>Limits of the HTTP API.</summary>
public sealed class ApiOptions
{
    /// <summary>The largest request body (manifests, objects) accepted; larger ones get 413. Default 4 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The largest snapshot <c>PUT /v1/operator/snapshot</c> accepts. Default 1 GiB.</summary>
    public long MaxSnapshotBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>The longest a blocking query waits, whatever its <c>wait</c> asks. Default 10 minutes.</summary>
    public TimeSpan MaxBlockingWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether <c>/v1/metrics?format=prometheus</c> answers (the agent's <c>[telemetry] prometheus_metrics</c>). Default off, as Nomad's.</summary>
    public bool PrometheusMetrics { get; set; }
}
