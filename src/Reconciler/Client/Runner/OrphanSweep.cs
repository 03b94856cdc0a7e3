using Microsoft.Extensions.Logging;

using Reconciler.Clients;
using Reconciler.Drivers;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Client.Runner;

/// <summary>
/// When the client starts, destroys the tasks this node started whose allocation no longer exists in the store or is
/// no longer placed on this node (deleted, garbage collected or restored away while the client was down). Candidates
/// come from the client's persisted handles and from what each driver lists for the node (the containers it
/// labelled with the node id), so a task whose handle was lost is found too. Allocations the runner already holds are the runner's.
/// </summary>
internal sealed class OrphanSweep(ClientOptions options, NodeIdentity node, ResourceClient client, DriverRegistry drivers, TaskHandleFiles handles,
    LiveAllocations live, ILogger<OrphanSweep> logger)
{
    /// <summary>A task to destroy and why.</summary>
    public sealed record Orphan(TaskHandle Handle, string Reason);

    /// <summary>Destroys every orphaned task; returns how many were destroyed.</summary>
    public async Task<int> DestroyAsync(CancellationToken cancellationToken)
    {
        var orphans = await FindAsync(cancellationToken).ConfigureAwait(false);
        var destroyed = 0;
        foreach (var orphan in orphans)
        {
            if (drivers.Find(orphan.Handle.Driver) is not { } driver) continue;
            if (await TryDestroyAsync(driver, orphan, cancellationToken).ConfigureAwait(false)) destroyed++;
        }
        foreach (var allocationId in orphans.Select(orphan => orphan.Handle.Task.AllocationId).Distinct()) handles.DeleteAllocation(allocationId);
        return destroyed;
    }

    // One task that cannot be destroyed (an engine that stopped answering) keeps none of the others alive.
    private async Task<bool> TryDestroyAsync(ITaskDriver driver, Orphan orphan, CancellationToken cancellationToken)
    {
        var task = orphan.Handle.Task;
        try
        {
            if (!(await driver.RecoverAsync(orphan.Handle, cancellationToken).ConfigureAwait(false)).Recovered) return false;
            await driver.DestroyAsync(task.Id, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Destroyed {Driver} task {TaskId}: {Reason}", driver.Name, task.Id, orphan.Reason);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not destroy {Driver} task {TaskId} ({Reason}): {Error}", driver.Name, task.Id, orphan.Reason, exception.Message);
            return false;
        }
    }

    /// <summary>The orphaned tasks, decided before anything is destroyed.</summary>
    public async Task<IReadOnlyList<Orphan>> FindAsync(CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<(string Driver, string Task), TaskHandle>();
        foreach (var allocationId in handles.Allocations())
        {
            var persisted = handles.Load(allocationId);
            if (persisted.Count == 0) handles.DeleteAllocation(allocationId);
            foreach (var handle in persisted) candidates.TryAdd((handle.Driver, handle.Task.Id), handle);
        }
        foreach (var handle in await ListDriverTasksAsync(cancellationToken).ConfigureAwait(false))
            candidates.TryAdd((handle.Driver, handle.Task.Id), handle);

        var orphans = new List<Orphan>();
        var reasons = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var handle in candidates.Values)
        {
            var allocationId = handle.Task.AllocationId;
            if (live.Find(allocationId) is not null) continue;
            if (!reasons.TryGetValue(allocationId, out var reason))
                reasons[allocationId] = reason = await OrphanReasonAsync(handle.Task, cancellationToken).ConfigureAwait(false);
            if (reason is not null) orphans.Add(new Orphan(handle, reason));
        }
        return orphans;
    }

    private async Task<string?> OrphanReasonAsync(TaskConfiguration task, CancellationToken cancellationToken)
    {
        var key = new ResourceKey("Allocation", task.Namespace, task.AllocationId);
        var allocation = await client.GetAsync<Allocation>(key, cancellationToken).ConfigureAwait(false);
        if (allocation is null) return $"allocation {key} no longer exists";
        return allocation.Spec.Node == options.NodeName ? null : $"allocation {key} is placed on node {allocation.Spec.Node}, not this one";
    }

    // One driver that cannot list (an engine that does not answer) hides none of the others.
    private async Task<IReadOnlyList<TaskHandle>> ListDriverTasksAsync(CancellationToken cancellationToken)
    {
        var listed = new List<TaskHandle>();
        foreach (var driver in drivers.Drivers)
        {
            try
            {
                listed.AddRange(await driver.ListTasksAsync(node.Id, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The {Driver} driver could not list the tasks of node {Node}: {Reason}", driver.Name, options.NodeName, exception.Message);
            }
        }
        return listed;
    }
}
