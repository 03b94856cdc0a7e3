using Reconciler.Client.Health;
using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Runner;

/// <summary>
/// Judges an allocation's health for deployments: every task running and (mode <c>checks</c>) passing its
/// service checks, continuously for the min healthy time; mode <c>task_states</c> only asks for running tasks.
/// A task that passed and now fails, or a failed task, makes the allocation unhealthy.
/// </summary>
internal sealed class AllocationHealthMonitor(CheckProbe probe, ClientOptions options)
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(10);

    public async Task<HealthVerdict> EvaluateAsync(Allocation allocation, Job job, TaskGroup group, LiveAllocation live, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var update = group.Update ?? job.Spec.Update;
        var mode = update?.HealthCheck ?? HealthCheckMode.Checks;
        if (mode == HealthCheckMode.Manual) return new HealthVerdict(allocation.Status.Health?.Healthy, null);
        var minHealthy = update?.MinHealthyTime ?? TimeSpan.FromSeconds(10);
        DateTimeOffset? next = null;
        DateTimeOffset? allPassingSince = DateTimeOffset.MinValue;
        var unhealthy = false;
        foreach (var task in group.Tasks)
        {
            if (!live.Tasks.TryGetValue(task.Name, out var state)) return new HealthVerdict(null, null);
            if (state.State.Failed) unhealthy = true;
            DateTimeOffset? since = state.Running ? state.State.StartedAt : null;
            var checks = ServiceChecks.Of(task);
            if (mode == HealthCheckMode.Checks && checks.Count > 0 && state.Running)
            {
                if (state.Checks.NextRunAt is not { } due || due <= now)
                {
                    var runs = new List<CheckRun>(checks.Count);
                    foreach (var (name, service, check) in checks)
                    {
                        var port = allocation.Spec.Ports.FirstOrDefault(p => p.Label == service.Port);
                        var failure = await probe.RunAsync(check, port?.HostIp ?? options.Address,
                            port?.Value, state.Driver!, state.Handle!.Task.Id, cancellationToken).ConfigureAwait(false);
                        runs.Add(new CheckRun(name, check.Type, failure));
                    }
                    state.Checks.Record(runs, now);
                    var interval = checks.Select(c => c.Check.Interval).Where(i => i > TimeSpan.Zero).DefaultIfEmpty(DefaultInterval).Min();
                    state.Checks.NextRunAt = now + interval;
                }
                next = Earliest(next, state.Checks.NextRunAt);
                since = state.Checks.PassingSince;
                if (since is null && state.Checks.WasHealthy) unhealthy = true;
            }
            allPassingSince = since is null || allPassingSince is null ? null : Latest(allPassingSince.Value, since.Value);
        }
        if (unhealthy) return new HealthVerdict(false, next);
        if (allPassingSince is not { } passing) return new HealthVerdict(allocation.Status.Health?.Healthy == true ? false : null, next);
        if (now - passing >= minHealthy)
        {
            foreach (var state in live.Tasks.Values) state.Checks.WasHealthy = true;
            return new HealthVerdict(true, next);
        }
        return new HealthVerdict(null, Earliest(next, passing + minHealthy));
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset Latest(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
