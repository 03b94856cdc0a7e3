namespace Reconciler.Drivers;

/// <summary>
/// Runs tasks of one kind (containers, processes, a JVM, a fake) on the node the agent runs on.
/// The engine's allocation runner talks to every driver through this contract; drivers live in
/// their own project and depend on it, never the reverse.
/// </summary>
/// <remarks>
/// Failures a person should read — a missing image, an unreachable engine, a bad config — come back
/// as values (<see cref="TaskStartResult.Error"/>, <see cref="TaskExit.Error"/>,
/// <see cref="DriverFingerprint.HealthDescription"/>), not as exceptions. A call naming a task the
/// driver does not know throws <see cref="TaskNotFoundException"/>: that is a caller's mistake.
/// </remarks>
public interface ITaskDriver
{
    /// <summary>The name jobs use in a task's <c>driver</c> field, e.g. <c>docker</c>.</summary>
    string Name { get; }

    /// <summary>Whether the driver can run tasks on this machine, and what it knows about it.</summary>
    Task<DriverFingerprint> FingerprintAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a task. Its stdout and stderr go to rotated files in
    /// <see cref="TaskConfiguration.LogDirectory"/>. Returns a handle to persist for
    /// <see cref="RecoverAsync"/>, or the reason it could not start.
    /// </summary>
    Task<TaskStartResult> StartAsync(TaskConfiguration task, CancellationToken cancellationToken);

    /// <summary>
    /// Re-attaches to a task started by an earlier instance of the driver (the agent restarted) from
    /// its persisted handle. Only a task that is provably the same one is adopted.
    /// </summary>
    Task<TaskRecoveryResult> RecoverAsync(TaskHandle handle, CancellationToken cancellationToken);

    /// <summary>
    /// The tasks this driver can find that were started for the node <paramref name="nodeId"/>
    /// (<see cref="TaskConfiguration.NodeId"/>), as handles to
    /// <see cref="RecoverAsync"/> and then stop or destroy them with — including tasks no persisted handle
    /// remembers. Docker asks the engine for containers labelled with the node; drivers whose tasks leave no
    /// trace outside the agent (processes, the mock) list the tasks they hold, and the client's persisted
    /// handles cover the rest.
    /// </summary>
    Task<IReadOnlyList<TaskHandle>> ListTasksAsync(string nodeId, CancellationToken cancellationToken);

    /// <summary>Completes when the task has exited, with how it exited.</summary>
    Task<TaskExit> WaitAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Sends <paramref name="signal"/> (e.g. <c>SIGTERM</c>) and, when the task is still running after
    /// <paramref name="timeout"/>, kills it. Completes when the task has exited.
    /// </summary>
    Task StopAsync(string taskId, TimeSpan timeout, string signal, CancellationToken cancellationToken);

    /// <summary>
    /// Kills the task when it still runs and releases everything the driver holds for it (a
    /// container, a cgroup, log copiers). The task's log files stay. Idempotent.
    /// </summary>
    Task DestroyAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Runs a command inside the running task, streaming its input and output.</summary>
    Task<ExecResult> ExecAsync(string taskId, ExecRequest request, CancellationToken cancellationToken);

    /// <summary>The task's current memory and CPU use, or null when it is not running.</summary>
    Task<TaskResourceUsage?> StatsAsync(string taskId, CancellationToken cancellationToken);
}
