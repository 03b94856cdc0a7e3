using Reconciler.Drivers.Logs;

namespace Reconciler.Client;

/// <summary>Which log of which task to read, and how much of it.</summary>
public sealed record LogRequest
{
    /// <summary>The allocation's id (its metadata.name).</summary>
    public required string AllocationId { get; init; }

    /// <summary>The task's name within the allocation's group.</summary>
    public required string TaskName { get; init; }

    /// <summary>stdout or stderr.</summary>
    public TaskLogStream Stream { get; init; } = TaskLogStream.Stdout;

    /// <summary>Keep reading as the task writes, until cancelled.</summary>
    public bool Follow { get; init; }

    /// <summary>Start this many lines from the end; null for the whole log.</summary>
    public int? TailLines { get; init; }

    /// <summary>Start this many bytes from the end; null for the whole log. Applied after <see cref="TailLines"/>.</summary>
    public long? TailBytes { get; init; }
}
