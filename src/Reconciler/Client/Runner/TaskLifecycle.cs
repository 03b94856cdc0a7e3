using Reconciler.Client.Environment;
using Reconciler.Drivers;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Client.Runner;

/// <summary>
/// The steps of one task's life, each recording its task events: set up and start through the driver, take
/// an exit through the restart policy, kill. Secret values never reach an event: errors name secrets, not values.
/// </summary>
internal sealed class TaskLifecycle(DriverRegistry drivers, TaskPreparation preparation, TaskHandleFiles handles, AllocationWakeup wakeup, TimeProvider time)
{
    public async Task StartAsync(LiveTask live, ResourceKey key, Allocation allocation, TaskGroup group, JobTask task, Node node,
        TemplateRenderer.SecretLookup secrets, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (live.StartAt is not null)
        {
            // An operator's restart does not count against the restart policy.
            if (!live.RestartRequested) live.RestartTimes.Add(now);
            live.RestartRequested = false;
            live.State = live.State with { Restarts = live.State.Restarts + 1, LastRestart = now };
        }
        live.StartAt = null;
        live.KillTimeout = task.KillTimeout;
        live.Checks.Reset();
        live.Record(new TaskEvent { Type = "Task Setup", Time = now, Message = "Building task directory, environment and templates" });
        var (configuration, error) = preparation.Prepare(allocation, group, task, node, secrets);
        if (configuration is null)
        {
            live.Record(new TaskEvent { Type = "Setup Failure", Time = now, Message = error });
            live.Exit = Task.FromResult(new TaskExit { ExitCode = -1, Error = error });
            return;
        }
        if (drivers.Find(task.Driver) is not { } driver)
        {
            var missing = $"this client has no '{task.Driver}' driver";
            live.Record(new TaskEvent { Type = "DriverFailure", Time = now, Message = missing });
            live.Exit = Task.FromResult(new TaskExit { ExitCode = -1, Error = missing });
            return;
        }
        live.Record(new TaskEvent { Type = "Driver", Time = now, Message = $"Starting the task with the {driver.Name} driver" });
        var started = await driver.StartAsync(configuration, cancellationToken).ConfigureAwait(false);
        live.Record(started.ToEvent(time.GetUtcNow()));
        if (started.Handle is not { } handle)
        {
            live.Exit = Task.FromResult(new TaskExit { ExitCode = -1, Error = started.Error });
            return;
        }
        handles.Save(handle);
        Adopt(live, driver, handle, key, cancellationToken: CancellationToken.None);
        live.State = live.State with { State = TaskLifecycleState.Running, StartedAt = handle.StartedAt, FinishedAt = null };
    }

    /// <summary>Watches a started or recovered task; its exit wakes the runner.</summary>
    public void Adopt(LiveTask live, ITaskDriver driver, TaskHandle handle, ResourceKey key, CancellationToken cancellationToken)
    {
        live.Driver = driver;
        live.Handle = handle;
        live.Exit = driver.WaitAsync(handle.Task.Id, cancellationToken);
        live.Exit.ContinueWith(_ => wakeup.Wake(key), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>Takes a finished exit through the restart policy; returns the decision.</summary>
    public async Task<RestartDecision> TakeExitAsync(LiveTask live, JobType type, RestartPolicy? policy, CancellationToken cancellationToken)
    {
        var exit = await live.Exit!.ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (live.Handle is not null)
        {
            live.Record(exit.ToEvent(now));
            await ReleaseAsync(live, cancellationToken).ConfigureAwait(false);
        }
        live.Exit = null;
        var decision = live.RestartRequested
            ? RestartDecision.Restart(TimeSpan.Zero, "restart requested")
            : RestartPlanner.Decide(type, policy, exit, live.RestartTimes, now);
        switch (decision.Kind)
        {
            case RestartDecisionKind.Restart:
                live.StartAt = now + decision.Delay;
                live.State = live.State with { State = TaskLifecycleState.Pending };
                live.Record(new TaskEvent { Type = "Restarting", Time = now, Message = $"Task restarting in {decision.Delay}: {decision.Reason}" });
                break;
            default:
                live.Done = true;
                var failed = decision.Kind == RestartDecisionKind.Fail;
                live.State = live.State with { State = TaskLifecycleState.Dead, Failed = failed, FinishedAt = now };
                if (failed) live.Record(new TaskEvent { Type = "Not Restarting", Time = now, Message = decision.Reason });
                break;
        }
        return decision;
    }

    /// <summary>
    /// Stops every task of <paramref name="allocation"/> with its kill timeout and releases it; the tasks will not run
    /// again. A kill under way is joined, not repeated: the runner's runs off its worker, so the agent's (shutdown, a
    /// deleted allocation) may come meanwhile. Callers hold the allocation's gate.
    /// </summary>
    public async Task KillAllAsync(LiveAllocation allocation, TaskGroup? group, string reason, CancellationToken cancellationToken)
    {
        // All at once, as a stop signal reaches every task of an allocation together: each waits its own kill timeout.
        var kills = new List<Task>();
        foreach (var task in allocation.Tasks.Values)
        {
            if (task.Killing is null or { IsFaulted: true } or { IsCanceled: true })
                task.Killing = KillOnceAsync(task, KillTimeout(task, group), reason, cancellationToken);
            kills.Add(task.Killing);
        }
        await Task.WhenAll(kills).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The task's kill timeout: as it was started, else its group's (a task adopted after a restart), else the default.</summary>
    public static TimeSpan KillTimeout(LiveTask task, TaskGroup? group) =>
        task.KillTimeout ?? group?.Tasks.FirstOrDefault(t => t.Name == task.Name)?.KillTimeout ?? JobTask.DefaultKillTimeout;

    private async Task KillOnceAsync(LiveTask live, TimeSpan killTimeout, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (live.Running)
        {
            live.Record(new TaskEvent { Type = "Killing", Time = now, Message = reason });
            await live.Driver!.StopAsync(live.Handle!.Task.Id, killTimeout, "SIGTERM", cancellationToken).ConfigureAwait(false);
            var exit = await live.Exit!.ConfigureAwait(false);
            live.Record(new TaskEvent { Type = "Killed", Time = time.GetUtcNow(), Message = $"Task killed: {exit.Describe()}", ExitCode = exit.ExitCode, Signal = exit.Signal });
        }
        if (live.Handle is not null) await ReleaseAsync(live, cancellationToken).ConfigureAwait(false);
        live.Exit = null;
        live.StartAt = null;
        if (!live.Done)
            live.State = live.State with { State = TaskLifecycleState.Dead, FinishedAt = time.GetUtcNow() };
        live.Done = true;
    }

    private async Task ReleaseAsync(LiveTask live, CancellationToken cancellationToken)
    {
        await live.Driver!.DestroyAsync(live.Handle!.Task.Id, cancellationToken).ConfigureAwait(false);
        handles.Delete(live.Handle.Task.AllocationId, live.Name);
        live.Handle = null;
    }
}
