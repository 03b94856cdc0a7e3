using System.Globalization;

namespace Reconciler.Drivers.Processes;

/// <summary>One task's memory cgroup: its limit, its usage, whether the kernel OOM-killed in it.</summary>
internal sealed class MemoryCgroup(string path, string version)
{
    /// <summary>The cgroup's directory.</summary>
    public string Path { get; } = path;

    /// <summary>The file a process writes its pid to in order to join.</summary>
    public string ProcsFile => System.IO.Path.Combine(Path, "cgroup.procs");

    /// <summary>The file holding the limit: <c>memory.max</c> (v2) or <c>memory.limit_in_bytes</c> (v1).</summary>
    public string LimitFile => V2 ? "memory.max" : "memory.limit_in_bytes";

    private bool V2 => version == "v2";

    /// <summary>Creates the task's cgroup under the agent's and sets its limit.</summary>
    public static MemoryCgroup Create(MemoryCgroupSupport support, string taskId, long limitBytes)
    {
        var cgroup = new MemoryCgroup(CgroupDirectory.For(support.ParentPath!, taskId), support.Version);
        Directory.CreateDirectory(cgroup.Path);
        File.WriteAllText(System.IO.Path.Combine(cgroup.Path, cgroup.LimitFile), limitBytes.ToString(CultureInfo.InvariantCulture));
        return cgroup;
    }

    /// <summary>The cgroup's memory use in bytes, or null when it cannot be read.</summary>
    public long? UsageBytes() => CgroupDirectory.ReadNumber(Path, V2 ? "memory.current" : "memory.usage_in_bytes");

    /// <summary>The cgroup's limit in bytes, or null when it cannot be read.</summary>
    public long? LimitBytes() => CgroupDirectory.ReadNumber(Path, LimitFile);

    /// <summary>Whether the kernel's OOM killer killed a process of this cgroup.</summary>
    public bool OomKilled() => CgroupDirectory.HasNonZero(Path, V2 ? "memory.events" : "memory.oom_control", "oom_kill");
}
