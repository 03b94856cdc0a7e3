namespace Reconciler.Drivers.Processes;

/// <summary>
/// Whether this machine lets the agent limit a task's memory with a cgroup, and where: cgroup v2
/// (the unified hierarchy) or v1 (the memory controller's own hierarchy). Detected by creating the
/// agent's parent cgroup <c>recon</c>, so "supported" means writable, not merely mounted.
/// </summary>
public sealed record MemoryCgroupSupport
{
    /// <summary>"v1", "v2" or "none".</summary>
    public string Version { get; init; } = "none";

    /// <summary>The agent's parent cgroup directory; null when unsupported.</summary>
    public string? ParentPath { get; init; }

    /// <summary>Why memory limits are not enforced, when they are not.</summary>
    public string? Reason { get; init; }

    /// <summary>Whether limits can be enforced.</summary>
    public bool Supported => ParentPath is not null;

    /// <summary>Probes the machine under <paramref name="cgroupRoot"/> (normally /sys/fs/cgroup).</summary>
    public static MemoryCgroupSupport Detect(string cgroupRoot = "/sys/fs/cgroup")
    {
        try
        {
            if (File.Exists(Path.Combine(cgroupRoot, "cgroup.controllers"))) return DetectV2(cgroupRoot);
            var v1 = Path.Combine(cgroupRoot, "memory");
            if (File.Exists(Path.Combine(v1, "memory.limit_in_bytes")))
            {
                var parent = Path.Combine(v1, "recon");
                Directory.CreateDirectory(parent);
                return new MemoryCgroupSupport { Version = "v1", ParentPath = parent };
            }
            return new MemoryCgroupSupport { Reason = $"no cgroup memory controller is mounted under {cgroupRoot}" };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new MemoryCgroupSupport { Reason = $"the cgroup hierarchy under {cgroupRoot} is not writable: {exception.Message}" };
        }
    }

    private static MemoryCgroupSupport DetectV2(string cgroupRoot)
    {
        if (!File.ReadAllText(Path.Combine(cgroupRoot, "cgroup.controllers")).Split(' ', '\n').Contains("memory"))
            return new MemoryCgroupSupport { Reason = "the cgroup v2 hierarchy offers no memory controller" };
        // A v2 cgroup may hold processes or delegate controllers to children, not both: tasks live in
        // children of recon, which gets the memory controller from the root and hands it down.
        File.AppendAllText(Path.Combine(cgroupRoot, "cgroup.subtree_control"), "+memory");
        var parent = Path.Combine(cgroupRoot, "recon");
        Directory.CreateDirectory(parent);
        File.AppendAllText(Path.Combine(parent, "cgroup.subtree_control"), "+memory");
        return new MemoryCgroupSupport { Version = "v2", ParentPath = parent };
    }
}
