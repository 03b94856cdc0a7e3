namespace Reconciler.LeaderElection;

/// <summary>The election of a single server: it always leads, from start to shutdown.</summary>
public sealed class SingleServerLeaderElection : ILeaderElection
{
    /// <inheritdoc />
    public Task<CancellationToken> AcquireAsync(CancellationToken cancellationToken) => Task.FromResult(CancellationToken.None);
}
