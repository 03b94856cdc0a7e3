namespace Reconciler.Resources.Kinds;

/// <summary>What the client reports about one task of an allocation.</summary>
public sealed record TaskState
{
    /// <summary>Where the task is in its life.</summary>
    public TaskLifecycleState State { get; init; } = TaskLifecycleState.Pending;

    /// <summary>The task ended in failure.</summary>
    public bool Failed { get; init; }

    /// <summary>How often the task was restarted.</summary>
    public int Restarts { get; init; }

    /// <summary>When it last restarted.</summary>
    public DateTimeOffset? LastRestart { get; init; }

    /// <summary>When it last started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The latest result of each of the task's service checks, by check name; empty while none ran.</summary>
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>What happened to the task, oldest first.</summary>
    public IReadOnlyList<TaskEvent> Events { get; init; } = [];
}
