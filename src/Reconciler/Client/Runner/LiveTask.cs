using Reconciler.Client.Health;
using Reconciler.Drivers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Runner;

/// <summary>What the client holds about one task it runs: the driver's handle, the pending exit, restarts, state and checks.</summary>
internal sealed class LiveTask(string name)
{
    public string Name { get; } = name;
    public ITaskDriver? Driver { get; set; }
    public TaskHandle? Handle { get; set; }
    public Task<TaskExit>? Exit { get; set; }
    public TaskState State { get; set; } = new();
    public List<DateTimeOffset> RestartTimes { get; } = [];

    /// <summary>When the task should be started again; null to start it as soon as it is not running.</summary>
    public DateTimeOffset? StartAt { get; set; }

    /// <summary>The task will not run again (complete or failed).</summary>
    public bool Done { get; set; }

    /// <summary>An operator asked for a restart that does not count against the policy.</summary>
    public bool RestartRequested { get; set; }

    /// <summary>
    /// The kill timeout of the spec the task was started with; null for a task adopted after a client restart, whose
    /// stop takes its group's current one.
    /// </summary>
    public TimeSpan? KillTimeout { get; set; }

    /// <summary>The task's kill, once started; a second caller joins it.</summary>
    public Task? Killing { get; set; }

    public TaskChecks Checks { get; } = new();

    public bool Running => Handle is not null && Exit is { IsCompleted: false };

    public void Record(TaskEvent taskEvent) => State = State with { Events = [.. State.Events.TakeLast(24), taskEvent] };
}
