using System.Text;

namespace Reconciler.Drivers.Tests.Support;

/// <summary>Runs an exec session and captures its output as text.</summary>
public static class ExecCapture
{
    public static async Task<(ExecResult Result, string Stdout, string Stderr)> RunAsync(
        ITaskDriver driver, string taskId, string? stdin, params string[] command)
    {
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        using var input = stdin is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var request = new ExecRequest { Command = command, Stdin = input, Stdout = stdout, Stderr = stderr };
        var result = await driver.ExecAsync(taskId, request, CancellationToken.None);
        return (result, Encoding.UTF8.GetString(stdout.ToArray()), Encoding.UTF8.GetString(stderr.ToArray()));
    }
}
