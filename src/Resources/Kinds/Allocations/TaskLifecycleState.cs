namespace Reconciler.Resources.Kinds;

/// <summary>Where a task is in its life.</summary>
public enum TaskLifecycleState
{
    /// <summary>Not started yet, or waiting to restart.</summary>
    Pending,
    /// <summary>Running.</summary>
    Running,
    /// <summary>Exited and will not run again.</summary>
    Dead,
}
