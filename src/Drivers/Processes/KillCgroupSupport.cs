namespace Reconciler.Drivers.Processes;

/// <summary>
/// Whether this machine lets the agent put each process task in its own cgroup v2 group and end all of it with
/// <c>cgroup.kill</c> (Linux 5.14+), so a process that left the task's process group or session still dies on stop.
/// Works on a pure v2 hierarchy and on a hybrid one (v2 mounted at <c>unified</c>, no controllers needed). Detected by
/// creating the agent's parent cgroup <c>recon</c>, so "supported" means writable, not merely mounted.
/// </summary>
public sealed record KillCgroupSupport
{
    /// <summary>The agent's parent cgroup directory in the v2 hierarchy; null when unsupported.</summary>
    public string? ParentPath { get; init; }

    /// <summary>Why tasks are stopped through their process group only, when they are.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether tasks get a cgroup to kill.</summary>
    public bool Supported => ParentPath is not null;

    /// <summary>Probes the machine under <paramref name="cgroupRoot"/> (normally /sys/fs/cgroup).</summary>
    public static KillCgroupSupport Detect(string cgroupRoot = "/sys/fs/cgroup")
    {
        var unified = new[] { cgroupRoot, Path.Combine(cgroupRoot, "unified") }
            .FirstOrDefault(root => File.Exists(Path.Combine(root, "cgroup.controllers")));
        if (unified is null)
            return new KillCgroupSupport { Reason = $"no cgroup v2 hierarchy is mounted at {cgroupRoot} or {cgroupRoot}/unified" };
        try
        {
            var parent = Path.Combine(unified, "recon");
            Directory.CreateDirectory(parent);
            return File.Exists(Path.Combine(parent, "cgroup.kill"))
                ? new KillCgroupSupport { ParentPath = parent }
                : new KillCgroupSupport { Reason = "the kernel's cgroup v2 has no cgroup.kill (it needs Linux 5.14 or later)" };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new KillCgroupSupport { Reason = $"the cgroup v2 hierarchy at {unified} is not writable: {exception.Message}" };
        }
    }
}
