using System.CommandLine;
using System.CommandLine.Parsing;
using Reconciler.Host.Cli.Acl;
using Reconciler.Host.Cli.Agent;
using Reconciler.Host.Cli.Allocations;
using Reconciler.Host.Cli.Evaluations;
using Reconciler.Host.Cli.Init;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Nodes;
using Reconciler.Host.Cli.Contexts;
using Reconciler.Host.Cli.Deployments;
using Reconciler.Host.Cli.Diff;
using Reconciler.Host.Cli.GitOps;
using Reconciler.Host.Cli.Namespaces;
using Reconciler.Host.Cli.Operator;
using Reconciler.Host.Cli.Resources;
using Reconciler.Host.Cli.Up;
using Reconciler.Host.Cli.Validate;

namespace Reconciler.Host.Cli;

/// <summary>
/// The <c>recon</c> command tree. Every command writes through the given writers and reads the given environment, so
/// tests run the CLI in-process as well as through the real binary; the process entry point passes the console.
/// </summary>
public static class ReconCommandLine
{
    /// <summary>Exit code for an error that is not a command's own verdict (Nomad uses 1; plan uses 255).</summary>
    public const int ErrorExitCode = 1;

    /// <summary>Parses and runs one command line in the process's environment; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliSession(output, error, CliEnvironment.FromProcess(ReferenceEquals(output, Console.Out))), cancellationToken);

    /// <summary>Parses and runs one command line in <paramref name="session"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var root = new RootCommand("Reconciler: a declarative workload orchestrator. Agent and CLI in one binary.")
        {
            AgentCommand.Create(session),
            ApplyCommand.Create(session),
            GetCommand.Create(session),
            DiffCommand.Create(session),
            DeleteCommand.Create(session),
            NamespaceCommand.Create(session),
            ContextCommand.Create(session),
            OperatorCommand.Create(session),
            ValidateCommand.Create(session.Out, session.Error),
            VersionCommand.Create(session),
            UpCommand.Create(session),
            InitCommand.Create(session),
            JobCommand.Create(session),
            JobInspectCommand.Create(session),
            JobStopCommand.Create(session),
            AllocCommand.Create(session),
            NodeCommand.Create(session),
            EvalCommand.Create(session),
            DeploymentCommand.Create(session),
            GitOpsCommand.Create(session),
            AclCommand.Create(session),
        };
        // The agent handles Ctrl-C and SIGTERM itself (graceful shutdown), so the parser must not end the process.
        var configuration = new InvocationConfiguration
        {
            Output = session.Out,
            Error = session.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        var parse = root.Parse(args);
        var parseError = parse.UnmatchedTokens.Select(t => $"Unknown command or flag '{t}'.").FirstOrDefault()
            ?? parse.Errors.Select(e => e.Message).FirstOrDefault()
            ?? (args.Contains("--") ? null : UnknownFlag(parse));
        if (parseError is not null && !IsHelpRequest(args))
        {
            await session.Error.WriteLineAsync($"Error: {parseError} Run `{CommandPath(parse)} --help` for usage.");
            // `job plan` keeps Nomad's codes: 0 and 1 are its verdicts, so its errors are 255.
            return CommandPath(parse) == "recon job plan" ? JobPlanCommand.ErrorExitCode : ErrorExitCode;
        }
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ErrorExitCode;
        }
        catch (CommandException e) when (!session.Environment.Debug)
        {
            foreach (var line in e.DetailLines) await session.Error.WriteLineAsync(line);
            await session.Error.WriteLineAsync($"Error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (!session.Environment.Debug)
        {
            // People read this line; the stack trace is for RECON_DEBUG=1.
            await session.Error.WriteLineAsync($"Error: {e.Message}");
            return ErrorExitCode;
        }
    }

    // The parser hands a token that looks like a flag to an optional argument; for us it is a mistyped flag, unless it
    // comes after `--` (`recon alloc exec web -- sh -c 'ls -l'`).
    private static string? UnknownFlag(ParseResult parse) =>
        parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
            .Select(t => t.Value)
            .Where(v => v.Length > 1 && v[0] == '-' && !char.IsAsciiDigit(v[1]))
            .Select(v => $"Unknown flag '{v}'.")
            .FirstOrDefault();

    private static bool IsHelpRequest(string[] args) => args.Any(a => a is "-h" or "--help" or "-?");

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string> { "recon" };
        for (var result = parse.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as CommandResult)
            names.Insert(1, result.Command.Name);
        return string.Join(' ', names);
    }
}
