using Microsoft.Extensions.Logging;

namespace Reconciler.Drivers.Processes;

/// <summary>
/// The cgroups one process task joins: a memory cgroup for its limit (exec only) and a v2 cgroup to kill all of it
/// on stop. On a pure cgroup v2 machine both are the same directory; on a hybrid one, memory is limited in v1 and the
/// task is killed through the unified v2 hierarchy. Either may be missing where the machine does not allow it.
/// </summary>
internal sealed record TaskCgroups(MemoryCgroup? Memory, KillCgroup? Kill)
{
    /// <summary>No cgroups: the task is limited by nothing and stopped through its process group only.</summary>
    public static readonly TaskCgroups None = new(null, null);

    /// <summary>The <c>cgroup.procs</c> files the launcher writes its pid to, before it runs the command.</summary>
    public IEnumerable<string> ProcsFiles => new[] { Memory?.ProcsFile, Kill?.ProcsFile }.OfType<string>().Distinct();

    /// <summary>Creates what the machine allows for <paramref name="task"/>; what it does not allow is logged and left out.</summary>
    public static TaskCgroups Create(TaskConfiguration task, MemoryCgroupSupport memory, bool limitMemory, KillCgroupSupport kill, ILogger logger)
    {
        MemoryCgroup? memoryCgroup = null;
        if (limitMemory && !memory.Supported) logger.LogInformation("Task {TaskId} runs without a memory limit: {Reason}", task.Id, memory.Reason);
        else if (limitMemory) memoryCgroup = TryCreate(task, "memory", () => MemoryCgroup.Create(memory, task.Id, task.Resources.MemoryMB * 1024L * 1024L), logger);
        if (!kill.Supported)
            logger.LogDebug("Task {TaskId} is stopped through its process group only; a process that leaves the group outlives a stop: {Reason}", task.Id, kill.Reason);
        var killCgroup = kill.Supported ? TryCreate(task, "kill", () => KillCgroup.Create(kill, task.Id), logger) : null;
        return new TaskCgroups(memoryCgroup, killCgroup);
    }

    /// <summary>The cgroups a persisted task state names.</summary>
    public static TaskCgroups From(ProcessTaskState state) => new(
        state.CgroupPath is { } memory ? new MemoryCgroup(memory, state.CgroupVersion ?? "v1") : null,
        state.KillCgroupPath is { } kill ? new KillCgroup(kill) : null);

    /// <summary>Removes the cgroups once their processes are gone.</summary>
    public async Task RemoveAsync()
    {
        if (Memory is not null) await CgroupDirectory.RemoveAsync(Memory.Path);
        if (Kill is not null) await CgroupDirectory.RemoveAsync(Kill.Path);
    }

    private static T? TryCreate<T>(TaskConfiguration task, string what, Func<T> create, ILogger logger) where T : class
    {
        try
        {
            return create();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Task {TaskId} runs without its {What} cgroup: creating it failed: {Reason}", task.Id, what, exception.Message);
            return null;
        }
    }
}
