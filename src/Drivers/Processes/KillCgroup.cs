namespace Reconciler.Drivers.Processes;

/// <summary>
/// One task's cgroup in the v2 hierarchy: every process the task starts stays in it, whatever process group or
/// session it makes for itself, and one write to <c>cgroup.kill</c> ends them all.
/// </summary>
internal sealed class KillCgroup(string path)
{
    private static readonly TimeSpan EmptyDeadline = TimeSpan.FromSeconds(10);

    /// <summary>The cgroup's directory.</summary>
    public string Path { get; } = path;

    /// <summary>The file a process writes its pid to in order to join.</summary>
    public string ProcsFile => System.IO.Path.Combine(Path, "cgroup.procs");

    /// <summary>Creates the task's cgroup under the agent's parent.</summary>
    public static KillCgroup Create(KillCgroupSupport support, string taskId)
    {
        var cgroup = new KillCgroup(CgroupDirectory.For(support.ParentPath!, taskId));
        Directory.CreateDirectory(cgroup.Path);
        return cgroup;
    }

    /// <summary>Whether a process of the task is still in the cgroup.</summary>
    public bool Populated() => CgroupDirectory.HasNonZero(Path, "cgroup.events", "populated");

    /// <summary>SIGKILLs every process in the cgroup; nothing happens when the cgroup is gone.</summary>
    public void Kill()
    {
        try
        {
            File.WriteAllText(System.IO.Path.Combine(Path, "cgroup.kill"), "1");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Removed meanwhile: nothing is left to kill.
        }
    }

    /// <summary>Kills what is left of the task (processes that escaped its group) and waits until the cgroup is empty; true when it is.</summary>
    public async Task<bool> KillRemainingAsync(CancellationToken cancellationToken)
    {
        if (!Populated()) return true;
        Kill();
        var deadline = DateTime.UtcNow + EmptyDeadline;
        while (Populated())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(10, cancellationToken);
        }
        return true;
    }
}
