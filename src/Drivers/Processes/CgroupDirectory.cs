using System.Globalization;

namespace Reconciler.Drivers.Processes;

/// <summary>What every task cgroup directory shares: its name from the task id, reading its files, removing it.</summary>
internal static class CgroupDirectory
{
    /// <summary>The directory of <paramref name="taskId"/>'s cgroup under <paramref name="parent"/>: the id with anything unsafe replaced.</summary>
    public static string For(string parent, string taskId) =>
        Path.Combine(parent, string.Concat(taskId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')));

    /// <summary>A file of the cgroup as a number, or null when it cannot be read (gone, "max").</summary>
    public static long? ReadNumber(string path, string file)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(path, file)).Trim();
            return long.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Whether a <c>KEY VALUE</c> line of a cgroup file has a value other than 0.</summary>
    public static bool HasNonZero(string path, string file, string key)
    {
        try
        {
            return File.ReadLines(Path.Combine(path, file)).Select(line => line.Split(' ')).Any(parts =>
                parts.Length == 2 && parts[0] == key && parts[1] != "0");
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes the task cgroups under <paramref name="parent"/> that hold no process and were made at least
    /// <paramref name="minAge"/> ago: what an agent killed before it could remove its tasks' cgroups left behind. The
    /// age spares a cgroup made for a task starting now, whose pid is written a moment after. How many were removed.
    /// </summary>
    public static int SweepStale(string parent, TimeSpan minAge)
    {
        var removed = 0;
        var before = DateTime.UtcNow - minAge;
        foreach (var path in Directory.EnumerateDirectories(parent))
        {
            try
            {
                if (Directory.GetLastWriteTimeUtc(path) > before || File.ReadAllText(Path.Combine(path, "cgroup.procs")).Trim().Length > 0) continue;
                Directory.Delete(path);
                removed++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Joined, removed or busy meanwhile: left for its owner, or for the next sweep.
            }
        }
        return removed;
    }

    /// <summary>
    /// Removes the cgroup once its processes are gone. The kernel refuses (busy) for a moment after the last process
    /// exited or was killed, so a refusal is tried again for up to a second; one that lasts (a straggler that escaped the
    /// group) leaves the cgroup behind harmlessly.
    /// </summary>
    public static async Task RemoveAsync(string path)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path);
                return;
            }
            catch (IOException)
            {
                await Task.Delay(20);
            }
        }
    }
}
