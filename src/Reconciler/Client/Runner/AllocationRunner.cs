using System.Text.Json;

using Microsoft.Extensions.Logging;

using Reconciler.Client.Environment;
using Reconciler.Clients;
using Reconciler.Drivers;
using Reconciler.Evaluations;
using Reconciler.Reconciliation;
using Reconciler.Resources.Json;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Client.Runner;

/// <summary>
/// The client's reconciler over the allocations placed on its node: it adopts tasks that survived a client
/// restart, starts tasks through their drivers, applies the restart policy to exits, stops allocations the
/// servers stopped (or replaced while this node was away), judges health, and writes task states, client
/// status and health back with optimistic concurrency.
/// </summary>
internal sealed class AllocationRunner(ClientOptions options, LiveAllocations allocations, TaskLifecycle lifecycle,
    AllocationHealthMonitor health, DriverRegistry drivers, TaskHandleFiles handles, AllocationWakeup wakeup, TimeProvider time) : IReconciler<Allocation>
{
    public async Task<ReconcileResult> ReconcileAsync(Allocation allocation, ReconcileContext context, CancellationToken ct)
    {
        if (allocation.Spec.Node != options.NodeName) return ReconcileResult.Done;
        var live = allocations.GetOrAdd(allocation.Key);
        await live.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!live.Recovered) await RecoverAsync(live, allocation, ct).ConfigureAwait(false);
            // Read from the store: a client-only agent's cache need not hold jobs yet.
            var job = await context.Client.GetAsync<Job>(new ResourceKey("Job", allocation.Key.Namespace, allocation.Spec.Job), ct).ConfigureAwait(false);
            var group = job?.Spec.Groups.FirstOrDefault(g => g.Name == allocation.Spec.Group);
            var reason = StopReason(allocation, context);
            var stopping = reason is not null || group is null ? Stop(live, group, reason ?? "the allocation's job or group no longer exists") : live.Stopping;
            if (stopping is { IsCompleted: false })
            {
                // The kills take the tasks' exits; the stop's end wakes the allocation.
                await WriteStatusAsync(allocation, live, group, allocation.Status.Health?.Healthy, context, ct).ConfigureAwait(false);
                return ReconcileResult.Done;
            }
            if (stopping is { IsFaulted: true } or { IsCanceled: true })
            {
                // Forgotten so the retry kills again.
                live.Stopping = null;
                await stopping.ConfigureAwait(false);
            }
            if (reason is not null || group is null)
            {
                await WriteStatusAsync(allocation, live, group, null, context, ct).ConfigureAwait(false);
                handles.DeleteAllocation(live.Id);
                return ReconcileResult.Done;
            }
            var next = await StepTasksAsync(live, allocation, job!, group, context, ct).ConfigureAwait(false);
            var verdict = await health.EvaluateAsync(allocation, job!, group, live, time.GetUtcNow(), ct).ConfigureAwait(false);
            await WriteStatusAsync(allocation, live, group, verdict.Healthy, context, ct).ConfigureAwait(false);
            var wake = new[] { next, verdict.NextCheckAt }.Where(t => t is not null).Min();
            return wake is { } at ? ReconcileResult.RequeueAfter(Max(at - time.GetUtcNow(), TimeSpan.FromMilliseconds(1))) : ReconcileResult.Done;
        }
        finally
        {
            live.Gate.Release();
        }
    }

    // Stopped by the servers, or replaced while this node was away (the scheduler marked it lost and placed another).
    private static string? StopReason(Allocation allocation, ReconcileContext context)
    {
        if (allocation.Spec.DesiredStatus != AllocationDesiredStatus.Run)
            return allocation.Spec.DesiredDescription ?? $"the servers set the allocation's desired status to {allocation.Spec.DesiredStatus}";
        if (allocation.Status.ClientStatus == AllocationClientStatus.Lost)
            return "the allocation was marked lost while this node was down";
        var replaced = context.Cache.List<Allocation>(allocation.Key.Namespace)
            .Any(other => other.Spec.PreviousAllocation == allocation.Metadata.Name && other.Spec.DesiredStatus == AllocationDesiredStatus.Run);
        return replaced ? "the allocation was replaced by another" : null;
    }

    private async Task<DateTimeOffset?> StepTasksAsync(LiveAllocation live, Allocation allocation, Job job, TaskGroup group, ReconcileContext context, CancellationToken ct)
    {
        var node = context.Cache.Get<Node>(new ResourceKey("Node", null, options.NodeName))
            ?? new Node { Metadata = new ObjectMeta { Name = options.NodeName }, Spec = new NodeSpec { Datacenter = options.Datacenter } };
        // Secrets are read from the store, not the cache, so a secret applied just before its job is seen.
        var secrets = new Dictionary<string, Secret?>(StringComparer.Ordinal);
        foreach (var name in group.Tasks.SelectMany(t => t.Templates).SelectMany(t => TemplateRenderer.SecretNames(t.Data)).Distinct())
            secrets[name] = await context.Client.GetAsync<Secret>(new ResourceKey("Secret", allocation.Key.Namespace, name), ct).ConfigureAwait(false);
        string? SecretValue(string name, string key) => secrets.GetValueOrDefault(name)?.Spec.Data.GetValueOrDefault(key);
        DateTimeOffset? next = null;
        var failure = false;
        foreach (var task in group.Tasks)
        {
            var state = live.Tasks.GetOrAdd(task.Name, name => Received(name));
            if (state.Exit is { IsCompleted: true })
            {
                var decision = await lifecycle.TakeExitAsync(state, job.Spec.Type, group.Restart, ct).ConfigureAwait(false);
                failure |= decision.Kind == RestartDecisionKind.Fail;
            }
            if (state.Done || state.Exit is not null) continue;
            if (state.StartAt is { } at && at > time.GetUtcNow())
            {
                next = next is null || at < next ? at : next;
                continue;
            }
            await lifecycle.StartAsync(state, live.Key, allocation, group, task, node, SecretValue, ct).ConfigureAwait(false);
            if (state.Exit is { IsCompleted: true }) next = time.GetUtcNow();
        }
        if (failure || live.Tasks.Values.Any(t => t.State.Failed)) _ = Stop(live, group, "a sibling task failed");
        return next;
    }

    private LiveTask Received(string name)
    {
        var task = new LiveTask(name);
        task.Record(new TaskEvent { Type = "Received", Time = time.GetUtcNow(), Message = "Task received by client" });
        return task;
    }

    /// <summary>
    /// Starts killing the allocation's tasks, once: the kill runs off the controller's worker, since a task that ignores
    /// SIGTERM (<c>sleep</c> as PID 1) keeps it for its whole kill timeout, and its end wakes the allocation.
    /// </summary>
    private Task Stop(LiveAllocation live, TaskGroup? group, string reason)
    {
        if (live.Stopping is { } stopping) return stopping;
        live.Stopping = StopAllAsync(live, group, reason);
        if (!live.Stopping.IsCompleted)
            live.Stopping.ContinueWith(_ => wakeup.Wake(live.Key), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return live.Stopping;
    }

    private Task StopAllAsync(LiveAllocation live, TaskGroup? group, string reason) =>
        lifecycle.KillAllAsync(live, group, reason, CancellationToken.None);

    /// <summary>Adopts the tasks this client started before it restarted, from their persisted handles; the rest resume from the stored task states.</summary>
    private async Task RecoverAsync(LiveAllocation live, Allocation allocation, CancellationToken ct)
    {
        live.Recovered = true;
        foreach (var (name, state) in allocation.Status.TaskStates)
            live.Tasks[name] = new LiveTask(name) { State = state, Done = state.State == TaskLifecycleState.Dead };
        foreach (var handle in handles.Load(live.Id))
        {
            var task = live.Tasks.GetOrAdd(handle.Task.TaskName, name => new LiveTask(name));
            var driver = drivers.Find(handle.Driver);
            var result = driver is null ? TaskRecoveryResult.Failure($"no {handle.Driver} driver") : await driver.RecoverAsync(handle, ct).ConfigureAwait(false);
            if (result.Recovered)
            {
                lifecycle.Adopt(task, driver!, handle, live.Key, CancellationToken.None);
                task.Done = false;
                continue;
            }
            handles.Delete(live.Id, handle.Task.TaskName);
            task.Record(new TaskEvent { Type = "Restarting", Time = time.GetUtcNow(), Message = $"the task could not be recovered after a client restart: {result.Error}" });
        }
    }

    private async Task WriteStatusAsync(Allocation allocation, LiveAllocation live, TaskGroup? group, bool? healthy, ReconcileContext context, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var desired = AllocationStatusBuilder.Build(allocation.Status, live, group, healthy, time.GetUtcNow());
            if (JsonSerializer.Serialize(desired, ResourceJson.Options) == JsonSerializer.Serialize(allocation.Status, ResourceJson.Options)) return;
            var written = await context.UpdateStatusAsync(allocation with { Status = desired }, ct).ConfigureAwait(false);
            if (written.Outcome != WriteOutcome.Conflict)
            {
                if (desired.ClientStatus == AllocationClientStatus.Failed && allocation.Status.ClientStatus != AllocationClientStatus.Failed)
                    await RequestRescheduleAsync(allocation, context, ct).ConfigureAwait(false);
                return;
            }
            context.Logger.LogDebug("Allocation {Allocation} changed while its status was written; retrying", allocation.Key);
            allocation = await context.Client.GetAsync<Allocation>(allocation.Key, ct).ConfigureAwait(false) ?? allocation;
        }
    }

    // Nomad's servers evaluate a job when a client reports a failed allocation, so its reschedule policy places a
    // replacement; the name derived from the allocation makes a repeated report harmless.
    private static async Task RequestRescheduleAsync(Allocation allocation, ReconcileContext context, CancellationToken ct)
    {
        if (await context.Client.GetAsync<Job>(new ResourceKey("Job", allocation.Key.Namespace, allocation.Spec.Job), ct).ConfigureAwait(false) is not { } job) return;
        await context.Client.ApplyAsync(EvaluationFactory.For(job, EvaluationTrigger.AllocFailure, allocation.Spec.Node, EvaluationNames.AllocationFailed(allocation.Metadata.Name)), ct).ConfigureAwait(false);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
