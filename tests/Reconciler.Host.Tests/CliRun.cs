using Reconciler.Host.Cli;

namespace Reconciler.Host.Tests;

/// <summary>The outcome of one <c>recon</c> command line.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the CLI in-process with captured output, in the process's environment.</summary>
    public static async Task<CliRun> InProcessAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ReconCommandLine.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the CLI in-process with captured output, in <paramref name="environment"/> only.</summary>
    public static async Task<CliRun> InProcessAsync(CliEnvironment environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ReconCommandLine.RunAsync(args, new CliSession(output, error, environment));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
