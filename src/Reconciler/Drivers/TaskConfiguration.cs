using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Reconciler.Drivers.Logs;
using Reconciler.Resources.Kinds;

namespace Reconciler.Drivers;

/// <summary>
/// Everything a driver needs to start one task of an allocation, with <c>${…}</c> already
/// interpolated by the caller. Persisted inside a <see cref="TaskHandle"/>.
/// </summary>
public sealed record TaskConfiguration
{
    /// <summary>The allocation the task belongs to.</summary>
    public required string AllocationId { get; init; }

    /// <summary>The task's name, unique within its group.</summary>
    public required string TaskName { get; init; }

    /// <summary>The job's namespace, for labels.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>The job's name, for labels.</summary>
    public string? JobName { get; init; }

    /// <summary>
    /// The id of the node whose client started the task, kept in the client's data directory. Drivers mark what they
    /// start with it (a container label), so a restarted client finds its own tasks through
    /// <see cref="ITaskDriver.ListTasksAsync"/> and leaves other nodes' alone.
    /// </summary>
    public string? NodeId { get; init; }

    /// <summary>The driver-specific settings from the job's task <c>config</c>.</summary>
    public JsonObject Config { get; init; } = [];

    /// <summary>Environment variables of the task.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>CPU (MHz) and memory (MB) the task reserved.</summary>
    public TaskResources Resources { get; init; } = new();

    /// <summary>The allocation's directory, shared by its tasks; logs go to <c>alloc/logs</c> under it.</summary>
    public required string AllocationDirectory { get; init; }

    /// <summary>The task's own directory, its working directory when it runs as a process.</summary>
    public required string TaskDirectory { get; init; }

    /// <summary>The group's ports: label, host port and, when mapped, the port inside the task.</summary>
    public IReadOnlyList<AllocatedPort> Ports { get; init; } = [];

    /// <summary>Host paths mounted into the task.</summary>
    public IReadOnlyList<TaskMount> Mounts { get; init; } = [];

    /// <summary>The user the task runs as; null keeps the driver's default.</summary>
    public string? User { get; init; }

    /// <summary>How big each log file may grow and how many are kept.</summary>
    public TaskLogLimits Logs { get; init; } = new();

    /// <summary>The task's id within a driver: <c>allocationId/taskName</c>.</summary>
    [JsonIgnore]
    public string Id => $"{AllocationId}/{TaskName}";

    /// <summary>Where the task's stdout and stderr files are written: <c>alloc/logs</c> in the allocation directory.</summary>
    [JsonIgnore]
    public string LogDirectory => Path.Combine(AllocationDirectory, "alloc", "logs");

    /// <summary>The log file set of one of the task's output streams.</summary>
    public TaskLogFileSet LogFiles(TaskLogStream stream) => new(LogDirectory, TaskName, stream);
}
