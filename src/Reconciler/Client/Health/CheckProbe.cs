using System.Net.Sockets;

using Reconciler.Drivers;
using Reconciler.Resources.Kinds;

namespace Reconciler.Client.Health;

/// <summary>
/// Runs one service check against a running task: <c>http</c> (GET path, expect a status, default any 2xx),
/// <c>tcp</c> (connect) or <c>script</c> (exec in the task, exit code 0 passes). Returns null when it passed,
/// or why it failed.
/// </summary>
public sealed class CheckProbe(HttpClient http)
{
    /// <summary>The default check timeout when a check sets none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="check"/> against <paramref name="host"/>:<paramref name="port"/> or, for a script, inside the task.</summary>
    public async Task<string?> RunAsync(ServiceCheck check, string host, int? port, ITaskDriver driver, string taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(driver);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(check.Timeout > TimeSpan.Zero ? check.Timeout : DefaultTimeout);
        try
        {
            return check.Type switch
            {
                CheckType.Http => await HttpAsync(check, host, port, timeout.Token).ConfigureAwait(false),
                CheckType.Tcp => await TcpAsync(host, port, timeout.Token).ConfigureAwait(false),
                _ => await ScriptAsync(check, driver, taskId, timeout.Token).ConfigureAwait(false),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out after {check.Timeout}";
        }
        catch (Exception exception) when (exception is HttpRequestException or SocketException or IOException)
        {
            return exception.Message;
        }
    }

    private async Task<string?> HttpAsync(ServiceCheck check, string host, int? port, CancellationToken cancellationToken)
    {
        if (port is null) return "the check's service names no port";
        var url = $"http://{host}:{port}{(check.Path is { Length: > 0 } path ? (path.StartsWith('/') ? path : "/" + path) : "/")}";
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        var code = (int)response.StatusCode;
        var passed = check.ExpectedStatus is { } expected ? code == expected : code is >= 200 and < 300;
        return passed ? null : $"GET {url} answered {code}, expected {check.ExpectedStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "2xx"}";
    }

    private static async Task<string?> TcpAsync(string host, int? port, CancellationToken cancellationToken)
    {
        if (port is null) return "the check's service names no port";
        using var client = new TcpClient();
        await client.ConnectAsync(host, port.Value, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static async Task<string?> ScriptAsync(ServiceCheck check, ITaskDriver driver, string taskId, CancellationToken cancellationToken)
    {
        if (check.Command is not { Length: > 0 } command) return "a script check needs a command";
        var result = await driver.ExecAsync(taskId, new ExecRequest { Command = [command, .. check.Args] }, cancellationToken).ConfigureAwait(false);
        return result.Error ?? (result.ExitCode == 0 ? null : $"{command} exited with code {result.ExitCode}");
    }
}
