using System.Globalization;

namespace Reconciler.Host.Tests.Fixtures;

/// <summary>The live descendants of a process, read from <c>/proc</c> (a task's processes are the agent's descendants until it stops).</summary>
internal static class ProcessTree
{
    /// <summary>The ids and command lines of every live descendant of <paramref name="pid"/>.</summary>
    public static IReadOnlyList<(int Pid, string Command)> DescendantsOf(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || ParentOf(id) is not { } parent) continue;
            parents[id] = parent;
        }
        var found = new List<(int, string)>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var next))
            foreach (var child in parents.Where(p => p.Value == next).Select(p => p.Key))
            {
                found.Add((child, CommandOf(child)));
                frontier.Enqueue(child);
            }
        return found;
    }

    /// <summary>Whether <paramref name="pid"/> still runs (a zombie does not count).</summary>
    public static bool IsAlive(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat is not null && stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
    }

    private static int? ParentOf(int pid)
    {
        // The command name in parentheses may hold spaces: the fields after the last ')' are state, then ppid.
        var stat = Read($"/proc/{pid}/stat");
        return stat is null ? null : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static string CommandOf(int pid) => Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ').Trim() ?? "";

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
