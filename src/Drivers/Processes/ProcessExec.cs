using System.ComponentModel;
using System.Diagnostics;

namespace Reconciler.Drivers.Processes;

/// <summary>Runs a command beside a process task: same working directory, environment and user; in a terminal through <see cref="ScriptTerminal"/> when asked.</summary>
internal static class ProcessExec
{
    public static async Task<ExecResult> RunAsync(TaskConfiguration task, string driver, ExecRequest request, CancellationToken cancellationToken)
    {
        if (request.Command.Count == 0) return ExecResult.Failure("exec needs a command");
        if (TaskEnvironment.Resolve(task, request.Command[0]) is null)
            return ExecResult.Failure($"command '{request.Command[0]}' was not found on the task's PATH");
        var command = request.Command;
        if (request.Tty)
        {
            var (terminal, error) = ScriptTerminal.Wrap(task, driver, command);
            if (terminal is null) return ExecResult.Failure(error!);
            command = terminal;
        }
        var info = TaskEnvironment.StartInfo(task, command[0], command.Skip(1));
        if (request.Tty) info.Environment["SHELL"] = ScriptTerminal.Shell;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            return ExecResult.Failure($"starting '{command[0]}' failed: {exception.Message}");
        }
        using var kill = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(request.Stdout, cancellationToken);
        var stderr = process.StandardError.BaseStream.CopyToAsync(request.Stderr, cancellationToken);
        await FeedStdinAsync(process, request.Stdin, cancellationToken);
        await Task.WhenAll(stdout, stderr);
        await process.WaitForExitAsync(cancellationToken);
        return ExecResult.Exited(process.ExitCode);
    }

    private static async Task FeedStdinAsync(Process process, Stream? stdin, CancellationToken cancellationToken)
    {
        try
        {
            if (stdin is not null) await stdin.CopyToAsync(process.StandardInput.BaseStream, cancellationToken);
        }
        catch (IOException)
        {
            // The command exited without reading all its input: that is its business.
        }
        finally
        {
            process.StandardInput.Close();
        }
    }
}
