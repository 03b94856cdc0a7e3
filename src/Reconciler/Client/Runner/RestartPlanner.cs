using Reconciler.Drivers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Runner;

/// <summary>
/// Applies a group's restart policy to a task exit (Nomad's semantics): a batch task that exits 0 is complete;
/// otherwise it restarts after <c>delay</c> while fewer than <c>attempts</c> restarts happened within <c>interval</c>;
/// beyond that, mode <c>fail</c> fails the task and mode <c>delay</c> waits until the interval has passed.
/// </summary>
public static class RestartPlanner
{
    /// <summary>The decision for an exit at <paramref name="now"/>, given the times of earlier restarts.</summary>
    public static RestartDecision Decide(JobType type, RestartPolicy? policy, TaskExit exit, IReadOnlyList<DateTimeOffset> restarts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exit);
        ArgumentNullException.ThrowIfNull(restarts);
        var defaults = JobDefaults.RestartFor(type);
        var attempts = policy?.Attempts ?? defaults.Attempts ?? 2;
        var interval = policy?.Interval ?? defaults.Interval ?? TimeSpan.FromMinutes(30);
        var delay = policy?.Delay ?? defaults.Delay ?? TimeSpan.FromSeconds(15);
        var mode = policy?.Mode ?? defaults.Mode ?? RestartMode.Fail;

        if (exit.Successful && type is JobType.Batch or JobType.Sysbatch)
            return RestartDecision.Complete("task exited successfully");
        var inWindow = restarts.Where(time => time > now - interval).OrderBy(time => time).ToList();
        if (inWindow.Count < attempts)
            return RestartDecision.Restart(delay, $"restart {inWindow.Count + 1} of {attempts} within {interval} after the task {exit.Describe()}");
        if (mode == RestartMode.Fail)
            return RestartDecision.Fail($"exceeded {attempts} allowed restarts within {interval}; the task {exit.Describe()}");
        var waitUntil = inWindow[0] + interval;
        return RestartDecision.Restart(waitUntil - now > delay ? waitUntil - now : delay,
            $"exceeded {attempts} restarts within {interval}; mode delay waits for the interval to pass");
    }
}
