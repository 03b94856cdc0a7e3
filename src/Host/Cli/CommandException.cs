namespace Reconciler.Host.Cli;

/// <summary>
/// A failure a person can act on: printed as one <c>Error: ...</c> line (after any <see cref="DetailLines"/>, e.g. each
/// manifest error with file:line:column), with no stack trace unless <c>RECON_DEBUG=1</c>.
/// </summary>
public sealed class CommandException(string message, IReadOnlyList<string>? detailLines = null, int exitCode = ReconCommandLine.ErrorExitCode)
    : Exception(message)
{
    /// <summary>Lines printed before the error line.</summary>
    public IReadOnlyList<string> DetailLines { get; } = detailLines ?? [];

    /// <summary>The exit code the command ends with.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The agent's error code when the agent refused the request (e.g. <c>Conflict</c>), else null.</summary>
    public string? AgentCode { get; init; }

    /// <summary>The same error ending with another exit code (e.g. 2 for <c>recon diff</c>, whose 1 means "differs").</summary>
    public CommandException WithExitCode(int code) => new(Message, DetailLines, code) { AgentCode = AgentCode };
}
