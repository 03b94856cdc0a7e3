namespace Reconciler.LeaderElection;

/// <summary>
/// Work only the leader may do (the scheduler, GitOps sync). Runs once this process leads; its token is
/// cancelled when leadership is lost or the host stops, and it runs again on the next leadership.
/// </summary>
public interface ILeaderWork
{
    /// <summary>Does the work until <paramref name="cancellationToken"/> is cancelled (or it is done).</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
