using System.Globalization;

namespace Reconciler.Drivers.Processes;

/// <summary>One task's memory cgroup: its limit, its usage, whether the kernel OOM-killed in it.</summary>
internal sealed class MemoryCgroup(string path, string version)
{
    /// <summary>The cgroup's directory.</summary>
    public string Path { get; } = path;

    /// <summary>The file a process writes its pid to in order to join.</summary>
    public string ProcsFile => System.IO.Path.Combine(Path, "cgroup.procs");

    private bool V2 => version == "v2";

    /// <summary>Creates the task's cgroup under the agent's and sets its limit.</summary>
    public static MemoryCgroup Create(MemoryCgroupSupport support, string taskId, long limitBytes)
    {
        var name = string.Concat(taskId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var cgroup = new MemoryCgroup(System.IO.Path.Combine(support.ParentPath!, name), support.Version);
        Directory.CreateDirectory(cgroup.Path);
        File.WriteAllText(System.IO.Path.Combine(cgroup.Path, cgroup.V2 ? "memory.max" : "memory.limit_in_bytes"),
            limitBytes.ToString(CultureInfo.InvariantCulture));
        return cgroup;
    }

    /// <summary>The cgroup's memory use in bytes, or null when it cannot be read.</summary>
    public long? UsageBytes() => ReadNumber(V2 ? "memory.current" : "memory.usage_in_bytes");

    /// <summary>The cgroup's limit in bytes, or null when it cannot be read.</summary>
    public long? LimitBytes() => ReadNumber(V2 ? "memory.max" : "memory.limit_in_bytes");

    /// <summary>Whether the kernel's OOM killer killed a process of this cgroup.</summary>
    public bool OomKilled()
    {
        var file = System.IO.Path.Combine(Path, V2 ? "memory.events" : "memory.oom_control");
        try
        {
            return File.ReadLines(file).Select(line => line.Split(' ')).Any(parts =>
                parts.Length == 2 && parts[0] == "oom_kill" && parts[1] != "0");
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Removes the cgroup once its processes are gone; a failure leaves it behind harmlessly.</summary>
    public void Remove()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path);
        }
        catch (IOException)
        {
            // Still has processes (a straggler that escaped the group): the kernel keeps it until they end.
        }
    }

    private long? ReadNumber(string file)
    {
        try
        {
            var text = File.ReadAllText(System.IO.Path.Combine(Path, file)).Trim();
            return long.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
