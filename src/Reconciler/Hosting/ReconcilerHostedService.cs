using Microsoft.Extensions.Hosting;

namespace Reconciler.Hosting;

/// <summary>Runs the <see cref="ReconcilerRuntime"/> for the lifetime of a Microsoft.Extensions.Hosting host.</summary>
public sealed class ReconcilerHostedService(ReconcilerRuntime runtime) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
