namespace Reconciler.Drivers;

/// <summary>A driver was asked about a task it neither started nor recovered.</summary>
public sealed class TaskNotFoundException(string driver, string taskId)
    : InvalidOperationException($"The {driver} driver has no task '{taskId}': start or recover it first.")
{
    /// <summary>The driver asked.</summary>
    public string Driver { get; } = driver;

    /// <summary>The task id asked about.</summary>
    public string TaskId { get; } = taskId;
}
