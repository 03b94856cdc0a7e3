using System.CommandLine;
using Reconciler.Host.Cli.Operator;
using Reconciler.Host.Cli.Validate;

namespace Reconciler.Host.Cli;

/// <summary>
/// The <c>recon</c> command tree. Every command writes through the given writers so tests can run
/// the CLI in-process; the process entry point passes the console.
/// </summary>
public static class ReconCommandLine
{
    /// <summary>Exit code for an error that is not a command's own verdict (Nomad uses 1; plan uses 255).</summary>
    public const int ErrorExitCode = 1;

    /// <summary>Parses and runs one command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Reconciler: a declarative workload orchestrator. Agent and CLI in one binary.")
        {
            ValidateCommand.Create(output, error),
            OperatorCommand.Create(output, error),
        };
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ErrorExitCode;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("RECON_DEBUG") != "1")
        {
            // People read this line; the stack trace is for RECON_DEBUG=1.
            await error.WriteLineAsync($"Error: {ex.Message}");
            return ErrorExitCode;
        }
    }
}
