using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Runner;

/// <summary>
/// The status the client reports for an allocation, computed from its live tasks: pending until a task runs,
/// running while any does, failed when a task failed beyond its policy, complete when all finished otherwise.
/// </summary>
internal static class AllocationStatusBuilder
{
    public static AllocationStatus Build(AllocationStatus current, LiveAllocation live, TaskGroup? group, bool? healthy, DateTimeOffset now)
    {
        var states = live.Tasks.ToDictionary(pair => pair.Key, pair => pair.Value.State with { Checks = pair.Value.Checks.Results }, StringComparer.Ordinal);
        var (status, description) = ClientStatus(current, states, group);
        var health = healthy == current.Health?.Healthy
            ? current.Health
            : new AllocationHealth { Healthy = healthy, Timestamp = now, Canary = current.Health?.Canary ?? false };
        return current with { ClientStatus = status, ClientDescription = description, TaskStates = states, Health = health };
    }

    private static (AllocationClientStatus, string) ClientStatus(AllocationStatus current, IReadOnlyDictionary<string, TaskState> states, TaskGroup? group)
    {
        if (current.ClientStatus == AllocationClientStatus.Lost) return (AllocationClientStatus.Lost, current.ClientDescription ?? "lost");
        if (states.Values.Any(s => s.Failed))
            return (AllocationClientStatus.Failed, $"Failed tasks: {string.Join(", ", states.Where(s => s.Value.Failed).Select(s => s.Key))}");
        var expected = group?.Tasks.Count ?? states.Count;
        if (states.Count >= expected && states.Values.All(s => s.State == TaskLifecycleState.Dead))
            return (AllocationClientStatus.Complete, "All tasks have completed");
        if (states.Values.Any(s => s.State == TaskLifecycleState.Running))
            return (AllocationClientStatus.Running, "Tasks are running");
        return (AllocationClientStatus.Pending, "No tasks have started");
    }
}
