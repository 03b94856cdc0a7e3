namespace Reconciler.Drivers.Logs;

/// <summary>One of a task's two output streams.</summary>
public enum TaskLogStream
{
    /// <summary>Standard output.</summary>
    Stdout,
    /// <summary>Standard error.</summary>
    Stderr,
}
