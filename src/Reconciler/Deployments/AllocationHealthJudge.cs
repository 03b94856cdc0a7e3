using Reconciler.Client.Health;
using Reconciler.Resources.Kinds;

namespace Reconciler.Deployments;

/// <summary>
/// Decides an allocation's deployment health from what the client reports, as Nomad's health watcher does. With
/// <c>task_states</c> an allocation is healthy once all its tasks have run for minHealthyTime; with <c>checks</c>
/// every service check of its tasks must also have passed, without a break, for minHealthyTime (a task without
/// checks only needs to run). It is unhealthy when a task failed or it was not healthy within healthyDeadline of its
/// creation. With <c>manual</c> only an operator decides. A decision is final.
/// </summary>
public static class AllocationHealthJudge
{
    /// <summary>The verdict on <paramref name="allocation"/> of <paramref name="group"/> under <paramref name="update"/> at <paramref name="now"/>.</summary>
    public static HealthVerdict Judge(Allocation allocation, TaskGroup? group, UpdateStrategy update, DateTimeOffset now)
    {
        if (allocation.Status.Health is { Healthy: { } decided } health) return new HealthVerdict(decided, health.Timestamp, null);
        if (update.HealthCheck == HealthCheckMode.Manual) return HealthVerdict.Undecided;

        var status = allocation.Status;
        if (status.ClientStatus is AllocationClientStatus.Failed or AllocationClientStatus.Lost || status.TaskStates.Values.Any(t => t.Failed))
            return new HealthVerdict(false, now, null);

        var deadline = (allocation.Metadata.CreatedAt ?? now) + (update.HealthyDeadline ?? TimeSpan.FromMinutes(5));
        var since = RunningSince(status);
        if (update.HealthCheck != HealthCheckMode.TaskStates && group is not null) since = Latest(since, ChecksPassingSince(status, group));
        var healthyAt = since + (update.MinHealthyTime ?? TimeSpan.Zero);
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

    // Since when every service check of the group's tasks has passed; DateTimeOffset.MinValue when there are none,
    // null while one has not passed (or not been reported) yet.
    private static DateTimeOffset? ChecksPassingSince(AllocationStatus status, TaskGroup group)
    {
        DateTimeOffset? since = DateTimeOffset.MinValue;
        foreach (var task in group.Tasks)
        {
            var expected = ServiceChecks.Of(task);
            if (expected.Count == 0) continue;
            var reported = status.TaskStates.TryGetValue(task.Name, out var state) ? state.Checks : [];
            foreach (var (name, _, _) in expected)
            {
                if (reported.FirstOrDefault(r => r.Name == name) is not { Status: CheckStatus.Passing } passing) return null;
                since = Latest(since, passing.Since);
            }
        }
        return since;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null || b is null ? null : a > b ? a : b;
}
