namespace Reconciler.Host.Cli;

/// <summary>Where one <c>recon</c> invocation writes (output, errors) and what it reads from its surroundings.</summary>
/// <param name="Out">Results.</param>
/// <param name="Error">Errors and progress.</param>
/// <param name="Environment">Environment variables and terminal detection.</param>
public sealed record CliSession(TextWriter Out, TextWriter Error, CliEnvironment Environment);
