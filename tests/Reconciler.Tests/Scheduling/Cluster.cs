using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;
using Reconciler.Scheduling;
using Reconciler.Scheduling.Plans;
using Reconciler.Scheduling.State;

namespace Reconciler.Tests.Scheduling;

/// <summary>Builds nodes, jobs and scheduler states for the scheduler's table tests.</summary>
internal static class Cluster
{
    public static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Node Node(
        string name, string datacenter = "dc1", int cpu = 4000, int memoryMB = 8192,
        IReadOnlyDictionary<string, string>? attributes = null, IReadOnlyDictionary<string, string>? meta = null,
        string? nodeClass = null, NodeState state = NodeState.Ready) => new()
        {
            Metadata = new ObjectMeta { Name = name, Uid = $"uid-{name}" },
            Spec = new NodeSpec
            {
                Datacenter = datacenter,
                NodeClass = nodeClass,
                Attributes = attributes ?? new Dictionary<string, string> { ["kernel.name"] = "linux", ["kernel.version"] = "6.1.0", ["cpu.numcores"] = "4" },
                Meta = meta ?? new Dictionary<string, string>(),
                Drivers = new Dictionary<string, NodeDriver> { ["exec"] = new() { Detected = true, Healthy = true }, ["mock"] = new() { Detected = true, Healthy = true } },
                Resources = new NodeResources { Cpu = cpu, MemoryMB = memoryMB },
            },
            Status = new NodeStatus { State = state, LastHeartbeat = Now },
        };

    public static TaskGroup Group(string name = "web", int count = 1, int cpu = 500, int memoryMB = 256, string driver = "exec") => new()
    {
        Name = name,
        Count = count,
        Tasks = [new JobTask { Name = "task", Driver = driver, Resources = new TaskResources { Cpu = cpu, MemoryMB = memoryMB } }],
    };

    public static Job Job(string name, TaskGroup group, JobType type = JobType.Service, int priority = 50, long version = 1, params string[] datacenters) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Generation = version },
        Spec = new JobSpec { Type = type, Priority = priority, Datacenters = datacenters.Length == 0 ? ["*"] : datacenters, Groups = [group] },
    };

    public static SchedulerState State(Job job, IEnumerable<Node> nodes, IEnumerable<AllocationRecord>? allocations = null) =>
        new(job.Key, job, ClusterState.Of(nodes, allocations ?? []), Now);

    public static Plan Schedule(SchedulerState state, int seed = 7) => new Scheduler(new SchedulerOptions { Seed = seed }).Schedule(state);

    /// <summary>Places <paramref name="job"/>'s allocations as running records, as if an earlier plan had been committed and started.</summary>
    public static IReadOnlyList<AllocationRecord> Running(Plan plan) =>
        [.. plan.Placements.Select(a => AllocationRecord.From(a) with { ClientStatus = AllocationClientStatus.Running, ResourceVersion = 1 })];

    /// <summary>An existing running allocation of another job on <paramref name="node"/>.</summary>
    public static AllocationRecord Existing(string job, string node, int cpu, int memoryMB, int priority = 50, int index = 0, string group = "web", long version = 1, string? digest = null) =>
        new($"{job}-{group}-{index}-{node}", "default", job, group, index, node, version, priority, cpu, memoryMB, [],
            AllocationDesiredStatus.Run, AllocationClientStatus.Running, 1) { GroupDigest = digest };
}
