using Reconciler.Resources.Kinds;

namespace Reconciler.Deployments;

/// <summary>
/// Decides an allocation's deployment health from what the client reports, as Nomad's health watcher does. With
/// <c>task_states</c> (and <c>checks</c>, until the client reports check results) an allocation is healthy once all
/// its tasks have run for minHealthyTime, and unhealthy when a task failed or it was not healthy within
/// healthyDeadline of its creation. With <c>manual</c> only an operator decides. A decision is final.
/// </summary>
public static class AllocationHealthJudge
{
    /// <summary>The verdict on <paramref name="allocation"/> under <paramref name="update"/> at <paramref name="now"/>.</summary>
    public static HealthVerdict Judge(Allocation allocation, UpdateStrategy update, DateTimeOffset now)
    {
        if (allocation.Status.Health is { Healthy: { } decided } health) return new HealthVerdict(decided, health.Timestamp, null);
        if (update.HealthCheck == HealthCheckMode.Manual) return HealthVerdict.Undecided;

        var status = allocation.Status;
        if (status.ClientStatus is AllocationClientStatus.Failed or AllocationClientStatus.Lost || status.TaskStates.Values.Any(t => t.Failed))
            return new HealthVerdict(false, now, null);

        var deadline = (allocation.Metadata.CreatedAt ?? now) + (update.HealthyDeadline ?? TimeSpan.FromMinutes(5));
        var healthyAt = RunningSince(status) + (update.MinHealthyTime ?? TimeSpan.Zero);
        if (healthyAt is { } at && at <= deadline && at <= now) return new HealthVerdict(true, at, null);
        if (now >= deadline) return new HealthVerdict(false, deadline, null);
        return new HealthVerdict(null, null, healthyAt is { } next && next < deadline ? next : deadline);
    }

    // The moment the last of its tasks started, when all of them run.
    private static DateTimeOffset? RunningSince(AllocationStatus status)
    {
        if (status.ClientStatus != AllocationClientStatus.Running || status.TaskStates.Count == 0) return null;
        if (status.TaskStates.Values.Any(t => t.State != TaskLifecycleState.Running || t.StartedAt is null)) return null;
        return status.TaskStates.Values.Max(t => t.StartedAt);
    }
}
