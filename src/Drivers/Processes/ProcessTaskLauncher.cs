using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Reconciler.Drivers.Processes;

/// <summary>
/// Starts a process task as its own session (through <c>setsid</c>) under a small shell launcher
/// that joins the task's cgroup, points stdout and stderr at named pipes, runs the command as the
/// task's user, and writes its exit code to a file so a recovered agent can still learn it.
/// </summary>
internal sealed class ProcessTaskLauncher(MemoryCgroupSupport memory, bool limitMemory, KillCgroupSupport kill, ILogger logger)
{
    // $1 exit file, $2 stdout pipe, $3 stderr pipe, $4 the cgroup.procs files to join (space-separated, maybe none), then the command.
    // The traps are handlers, not "ignore": the launcher outlives a stop signal to record the exit
    // code, while the command (which execs with default dispositions) receives the signal itself.
    private const string Script = """
        for procs in $4; do echo $$ > "$procs" || exit 125; done
        exec 1<>"$2" 2<>"$3" </dev/null
        exit_file=$1
        shift 4
        trap 'true' TERM INT HUP QUIT USR1 USR2
        "$@"
        code=$?
        echo $code > "$exit_file.tmp" && mv "$exit_file.tmp" "$exit_file"
        exit $code
        """;

    /// <summary>Starts the task, or returns why it could not.</summary>
    public async Task<(RunningProcessTask? Task, string? Error)> LaunchAsync(TaskConfiguration task, ProcessCommand command)
    {
        if (TaskEnvironment.Resolve(task, command.Program) is null)
            return (null, $"command '{command.Program}' was not found (looked on PATH and in the task directory {task.TaskDirectory})");
        Directory.CreateDirectory(task.TaskDirectory);
        Directory.CreateDirectory(task.LogDirectory);
        var state = new ProcessTaskState
        {
            ExitFile = Path.Combine(task.TaskDirectory, ".recon-exit-code"),
            StdoutFifo = Path.Combine(task.LogDirectory, $".{task.TaskName}.stdout.fifo"),
            StderrFifo = Path.Combine(task.LogDirectory, $".{task.TaskName}.stderr.fifo"),
        };
        File.Delete(state.ExitFile);
        var cgroups = TaskCgroups.Create(task, memory, limitMemory, kill, logger);
        state = state with { CgroupPath = cgroups.Memory?.Path, CgroupVersion = cgroups.Memory is null ? null : memory.Version, KillCgroupPath = cgroups.Kill?.Path };

        // The launcher runs as the agent's user (it joins the cgroup); it switches user for the command only.
        var info = TaskEnvironment.StartInfo(task with { User = null }, "setsid", LauncherArguments(task, command, state, cgroups));
        var pumps = RunningProcessTask.StartPumps(task, state);
        try
        {
            var child = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned no process");
            var identity = ProcessIdentity.Of(child.Id);
            state = state with { Pid = child.Id, StartTicks = identity?.StartTicks ?? 0 };
            return (new RunningProcessTask(task, state, child, cgroups, pumps, logger), null);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or ArgumentException)
        {
            _ = pumps.DisposeAsync();
            await cgroups.RemoveAsync();
            return (null, $"starting '{command.Program}' failed: {exception.Message}");
        }
    }

    private static IEnumerable<string> LauncherArguments(TaskConfiguration task, ProcessCommand command, ProcessTaskState state, TaskCgroups cgroups)
    {
        IEnumerable<string> userSwitch = task.User is { Length: > 0 } user ? ["setpriv", .. TaskEnvironment.SwitchUser(user)] : [];
        return
        [
            "/bin/sh", "-c", Script, "recon-task-launcher", state.ExitFile, state.StdoutFifo, state.StderrFifo,
            string.Join(' ', cgroups.ProcsFiles), .. userSwitch, command.Program, .. command.Arguments,
        ];
    }
}
