namespace Reconciler.Client;

/// <summary>A command to run inside a running task of an allocation, with its streams.</summary>
public sealed record AllocationExecRequest
{
    /// <summary>The allocation's id (its metadata.name).</summary>
    public required string AllocationId { get; init; }

    /// <summary>The task's name within the allocation's group.</summary>
    public required string TaskName { get; init; }

    /// <summary>The program and its arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Ask for a terminal; passed through to the driver, which may answer without one.</summary>
    public bool Tty { get; init; }

    /// <summary>Fed to the command's stdin, then closed; null gives it an empty stdin.</summary>
    public Stream? Stdin { get; init; }

    /// <summary>Receives the command's stdout.</summary>
    public Stream Stdout { get; init; } = Stream.Null;

    /// <summary>Receives the command's stderr.</summary>
    public Stream Stderr { get; init; } = Stream.Null;
}
