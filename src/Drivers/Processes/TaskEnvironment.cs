using System.Diagnostics;

namespace Reconciler.Drivers.Processes;

/// <summary>The environment, working directory and user a process task and its exec sessions share.</summary>
internal static class TaskEnvironment
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>
    /// A start info for <paramref name="program"/> that runs in the task's directory with only the
    /// task's variables (plus PATH and HOME), as the task's user when it names one.
    /// </summary>
    public static ProcessStartInfo StartInfo(TaskConfiguration task, string program, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo { WorkingDirectory = task.TaskDirectory, UseShellExecute = false };
        info.Environment.Clear();
        info.Environment["PATH"] = DefaultPath;
        info.Environment["HOME"] = task.TaskDirectory;
        foreach (var (name, value) in task.Env) info.Environment[name] = value;
        if (task.User is { Length: > 0 } user)
        {
            info.FileName = "setpriv";
            foreach (var argument in SwitchUser(user)) info.ArgumentList.Add(argument);
            info.ArgumentList.Add(program);
        }
        else
        {
            info.FileName = program;
        }
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    /// <summary>The <c>setpriv</c> arguments that run what follows as <paramref name="user"/>.</summary>
    public static IEnumerable<string> SwitchUser(string user) =>
        [$"--reuid={user}", $"--regid={PrimaryGroupOf(user)}", "--init-groups", "--"];

    /// <summary>Finds a program on the task's PATH, as the shell would; null when absent.</summary>
    public static string? Resolve(TaskConfiguration task, string program)
    {
        if (program.Contains('/'))
            return File.Exists(Path.IsPathRooted(program) ? program : Path.Combine(task.TaskDirectory, program)) ? program : null;
        var path = task.Env.GetValueOrDefault("PATH") ?? DefaultPath;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    private static string PrimaryGroupOf(string user)
    {
        foreach (var line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && (fields[0] == user || fields[2] == user)) return fields[3];
        }
        throw new ArgumentException($"user '{user}' does not exist on this machine (not in /etc/passwd)");
    }
}
