using System.Globalization;

namespace Reconciler.Drivers.Processes;

/// <summary>The fields of <c>/proc/PID/stat</c> the drivers use.</summary>
internal sealed record ProcessStat(int Pid, char State, int SessionId, long UserTicks, long SystemTicks, long StartTicks, long RssPages)
{
    public static ProcessStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(pid, text);
    }

    /// <summary>Every process whose session is <paramref name="sessionId"/>: a task and all it started.</summary>
    public static IEnumerable<ProcessStat> InSession(int sessionId)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
            if (Read(pid) is { } stat && stat.SessionId == sessionId) yield return stat;
        }
    }

    private static ProcessStat? Parse(int pid, string text)
    {
        // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
        var close = text.LastIndexOf(')');
        if (close < 0) return null;
        var fields = text[(close + 2)..].Split(' ');
        if (fields.Length < 22) return null;
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcessStat(pid, fields[0][0], (int)Field(6), Field(14), Field(15), Field(22), Field(24));
    }
}
