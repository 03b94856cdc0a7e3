using Reconciler.Resources.Kinds;

namespace Reconciler.Scheduling.State;

/// <summary>
/// The scheduler's compact view of one allocation: what it is, where it runs and what it holds there. Kept
/// instead of whole <see cref="Allocation"/> objects so a million of them fit in memory beside the store.
/// </summary>
/// <param name="Id">The allocation's metadata.name.</param>
/// <param name="Namespace">The namespace of the allocation and its job.</param>
/// <param name="Job">The job's name.</param>
/// <param name="Group">The task group.</param>
/// <param name="Index">The index within the group (the <c>[n]</c> of <c>job.group[n]</c>).</param>
/// <param name="Node">The node it is placed on.</param>
/// <param name="JobVersion">The job version it runs.</param>
/// <param name="Priority">The job's priority when it was placed.</param>
/// <param name="Cpu">CPU reserved, MHz.</param>
/// <param name="MemoryMB">Memory reserved, MB.</param>
/// <param name="Ports">Host ports reserved.</param>
/// <param name="DesiredStatus">What the servers want.</param>
/// <param name="ClientStatus">What the client reports.</param>
/// <param name="ResourceVersion">The store revision of its last write.</param>
public sealed record AllocationRecord(
    string Id,
    string Namespace,
    string Job,
    string Group,
    int Index,
    string Node,
    long JobVersion,
    int Priority,
    int Cpu,
    int MemoryMB,
    IReadOnlyList<int> Ports,
    AllocationDesiredStatus DesiredStatus,
    AllocationClientStatus ClientStatus,
    long ResourceVersion)
{
    /// <summary>The digest of the group spec it runs.</summary>
    public string? GroupDigest { get; init; }

    /// <summary>A drain asked for it to be moved.</summary>
    public bool Migrate { get; init; }

    /// <summary>The allocation it replaced.</summary>
    public string? PreviousAllocation { get; init; }

    /// <summary>The deployment that placed it, if any.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>Placed as a canary of its deployment.</summary>
    public bool Canary { get; init; }

    /// <summary>Its deployment health: true healthy, false unhealthy, null not decided.</summary>
    public bool? Healthy { get; init; }

    /// <summary>The reschedules that led to it, oldest first (<see cref="AllocationSpec.RescheduleEvents"/>).</summary>
    public IReadOnlyList<RescheduleEvent> RescheduleEvents { get; init; } = [];

    /// <summary>When it finished on the client (its tasks' last finish or event), for terminal client statuses.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary><c>namespace/job</c>, the key allocations are grouped by per job.</summary>
    public string JobKey => JobKeys.Of(Namespace, Job);

    /// <summary>Nomad's name, <c>job.group[index]</c>.</summary>
    public string Name => AllocationNames.Of(Job, Group, Index);

    /// <summary>Stopped or finished: it holds no resources and will not run again.</summary>
    public bool IsTerminal =>
        DesiredStatus != AllocationDesiredStatus.Run
        || ClientStatus is AllocationClientStatus.Complete or AllocationClientStatus.Failed or AllocationClientStatus.Lost;

    /// <summary>The compact view of <paramref name="allocation"/>.</summary>
    public static AllocationRecord From(Allocation allocation)
    {
        var spec = allocation.Spec;
        int cpu = 0, memory = 0;
        foreach (var resources in spec.Resources.Values)
        {
            cpu += resources.Cpu;
            memory += resources.MemoryMB;
        }
        var ports = spec.Ports.Count == 0 ? [] : spec.Ports.Select(p => p.Value).ToArray();
        return new AllocationRecord(
            allocation.Metadata.Name, allocation.Metadata.Namespace ?? Resources.Model.ObjectMeta.DefaultNamespace, spec.Job, spec.Group, spec.Index,
            spec.Node, spec.JobVersion, spec.Priority, cpu, memory, ports, spec.DesiredStatus, allocation.Status.ClientStatus,
            allocation.Metadata.ResourceVersion)
        {
            GroupDigest = spec.GroupDigest,
            Migrate = spec.Migrate,
            PreviousAllocation = spec.PreviousAllocation,
            DeploymentId = spec.DeploymentId,
            Canary = spec.Canary,
            Healthy = allocation.Status.Health?.Healthy,
            RescheduleEvents = spec.RescheduleEvents,
            FinishedAt = allocation.Status.ClientStatus is AllocationClientStatus.Failed or AllocationClientStatus.Complete ? LastTaskTime(allocation.Status) : null,
        };
    }

    // Nomad's "last event time": a failed task has a finish time, a task that never started only its events.
    private static DateTimeOffset? LastTaskTime(AllocationStatus status)
    {
        DateTimeOffset? last = null;
        foreach (var task in status.TaskStates.Values)
        {
            var time = task.FinishedAt ?? (task.Events.Count > 0 ? task.Events[^1].Time : null);
            if (time > last || last is null) last = time;
        }
        return last;
    }
}
