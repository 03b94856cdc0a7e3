namespace Reconciler.Resources.Kinds;

/// <summary>What a task does when its restart attempts are used up.</summary>
public enum RestartMode
{
    /// <summary>The task fails, and the allocation may be rescheduled.</summary>
    Fail,
    /// <summary>Wait until the interval passes, then restart again.</summary>
    Delay,
}
