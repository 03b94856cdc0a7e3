using Microsoft.Extensions.Hosting;

namespace Reconciler.Host.Agent;

/// <summary>
/// A host lifetime that leaves Ctrl-C and SIGTERM to the caller: <c>recon up</c> hosts an agent in-process and must
/// stop its jobs through that agent's API before the agent itself stops.
/// </summary>
public sealed class ManualLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
