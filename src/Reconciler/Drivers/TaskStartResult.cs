using Reconciler.Resources.Kinds;

namespace Reconciler.Drivers;

/// <summary>The outcome of <see cref="ITaskDriver.StartAsync"/>: a handle, or why the task did not start.</summary>
public sealed record TaskStartResult
{
    /// <summary>The started task's handle; null when it did not start.</summary>
    public TaskHandle? Handle { get; init; }

    /// <summary>Why the task did not start, for people; null when it started.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the task started.</summary>
    public bool Started => Handle is not null;

    /// <summary>A started task.</summary>
    public static TaskStartResult Success(TaskHandle handle) => new() { Handle = handle };

    /// <summary>A task that did not start, and why.</summary>
    public static TaskStartResult Failure(string error) => new() { Error = error };

    /// <summary>The task event that records this outcome: <c>Started</c> or <c>DriverFailure</c>.</summary>
    public TaskEvent ToEvent(DateTimeOffset time) => Started
        ? new TaskEvent { Type = "Started", Time = time, Message = $"Task started by the {Handle!.Driver} driver" }
        : new TaskEvent { Type = "DriverFailure", Time = time, Message = Error };
}
