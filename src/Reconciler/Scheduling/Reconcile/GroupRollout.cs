namespace Reconciler.Scheduling.Reconcile;

/// <summary>What a running deployment allows one group's update to do in this pass.</summary>
/// <param name="DeploymentId">The deployment's name; new allocations carry it.</param>
/// <param name="Active">The deployment is running: paused, failed and cancelled ones replace nothing.</param>
/// <param name="MaxParallel">New-version allocations that may be unhealthy (in flight) at once.</param>
/// <param name="MaxSurge">Create before destroy: new allocations placed beside old ones (0 for stop-then-place).</param>
/// <param name="Canaries">Canaries to place before the rest of the update.</param>
/// <param name="Promoted">The canaries were promoted.</param>
public sealed record GroupRollout(string DeploymentId, bool Active, int MaxParallel, int MaxSurge, int Canaries, bool Promoted)
{
    /// <summary>Canaries are placed and the update waits for their promotion.</summary>
    public bool AwaitingPromotion => Canaries > 0 && !Promoted;
}
