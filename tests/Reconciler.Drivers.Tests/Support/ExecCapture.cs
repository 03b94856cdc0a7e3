using System.Text;

namespace Reconciler.Drivers.Tests.Support;

/// <summary>Runs an exec session and captures its output as text.</summary>
public static class ExecCapture
{
    public static Task<(ExecResult Result, string Stdout, string Stderr)> RunAsync(
        ITaskDriver driver, string taskId, string? stdin, params string[] command) => RunAsync(driver, taskId, stdin, tty: false, command);

    /// <summary>Runs the command as <c>alloc exec -t</c> does: in a terminal.</summary>
    public static Task<(ExecResult Result, string Stdout, string Stderr)> RunInTerminalAsync(
        ITaskDriver driver, string taskId, params string[] command) => RunAsync(driver, taskId, stdin: null, tty: true, command);

    private static async Task<(ExecResult Result, string Stdout, string Stderr)> RunAsync(
        ITaskDriver driver, string taskId, string? stdin, bool tty, string[] command)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        using var input = stdin is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var request = new ExecRequest { Command = command, Stdin = input, Stdout = stdout, Stderr = stderr, Tty = tty };
        var result = await driver.ExecAsync(taskId, request, CancellationToken.None);
        return (result, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }
}
