namespace Reconciler.Drivers;

/// <summary>The Linux signals tasks are stopped with, by name and number.</summary>
public static class UnixSignal
{
    private static readonly Dictionary<string, int> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SIGHUP"] = 1, ["SIGINT"] = 2, ["SIGQUIT"] = 3, ["SIGKILL"] = 9, ["SIGUSR1"] = 10,
        ["SIGUSR2"] = 12, ["SIGTERM"] = 15, ["SIGCONT"] = 18, ["SIGSTOP"] = 19,
    };

    /// <summary>SIGTERM, the default stop signal.</summary>
    public const int Terminate = 15;

    /// <summary>SIGKILL, sent when a task outlives its kill timeout.</summary>
    public const int Kill = 9;

    /// <summary>The number of a signal named <c>SIGTERM</c>, <c>TERM</c> or <c>15</c>.</summary>
    public static bool TryParse(string name, out int number)
    {
        if (int.TryParse(name, out number)) return number is > 0 and < 65;
        var full = name.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) ? name : "SIG" + name;
        return Numbers.TryGetValue(full, out number);
    }

    /// <summary>The name of a signal number, e.g. <c>SIGTERM</c>; <c>signal N</c> for one without a name here.</summary>
    public static string NameOf(int number) =>
        Numbers.FirstOrDefault(pair => pair.Value == number).Key ?? $"signal {number}";
}
