using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Reconciler.Resources.Agent;

namespace Reconciler.Client.Stats;

/// <summary>
/// Every <c>collection_interval</c> on the <see cref="TimeProvider"/>, samples the running tasks (with
/// <c>publish_allocation_metrics</c>) and the machine (with <c>publish_node_metrics</c>) for <see cref="ClientMetrics"/>.
/// </summary>
public sealed class StatsCollector(ClientStats stats, ClientMetrics metrics, TelemetryConfig telemetry, TimeProvider time, ILogger<StatsCollector> logger) : BackgroundService
{
    /// <summary>The gauges this collector feeds (created with it).</summary>
    public ClientMetrics Metrics { get; } = metrics;

    /// <summary>Takes one round of samples.</summary>
    public async Task CollectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await stats.CollectAsync(telemetry.PublishAllocationMetrics, telemetry.PublishNodeMetrics, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Collecting resource usage failed ({Error}); trying again in {Interval}", exception.Message, telemetry.CollectionInterval);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!telemetry.PublishAllocationMetrics && !telemetry.PublishNodeMetrics) return;
        using var timer = new PeriodicTimer(telemetry.CollectionInterval, time);
        do await CollectAsync(stoppingToken).ConfigureAwait(false);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
