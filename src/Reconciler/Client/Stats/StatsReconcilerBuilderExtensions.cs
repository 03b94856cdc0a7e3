using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reconciler.Hosting;
using Reconciler.Resources.Agent;

namespace Reconciler.Client.Stats;

/// <summary>Adds the client's telemetry (<c>[telemetry]</c>): the <see cref="StatsCollector"/> and the gauges of <see cref="ClientMetrics"/>.</summary>
public static class StatsReconcilerBuilderExtensions
{
    /// <summary>
    /// Collects and publishes resource usage as <paramref name="telemetry"/> asks (nothing runs when it publishes neither
    /// allocation nor node metrics); needs the client role (<see cref="ClientReconcilerBuilderExtensions.AddReconcilerClient"/>).
    /// </summary>
    public static ReconcilerBuilder AddClientTelemetry(this ReconcilerBuilder reconciler, TelemetryConfig telemetry)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        ArgumentNullException.ThrowIfNull(telemetry);
        var services = reconciler.Services;
        services.AddSingleton(provider => new ClientMetrics(provider.GetRequiredService<ClientStats>(), provider.GetRequiredService<Metrics.ReconcilerMetrics>(), telemetry));
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<StatsCollector>(provider, telemetry));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<StatsCollector>());
        return reconciler;
    }
}
