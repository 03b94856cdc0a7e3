namespace Reconciler.LeaderElection;

/// <summary>Decides which process of a cluster leads; only the leader runs <see cref="ILeaderWork"/>.</summary>
public interface ILeaderElection
{
    /// <summary>Waits until this process leads; the returned token is cancelled when it stops leading.</summary>
    Task<CancellationToken> AcquireAsync(CancellationToken cancellationToken);
}
