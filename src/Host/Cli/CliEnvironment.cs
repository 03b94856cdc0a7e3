namespace Reconciler.Host.Cli;

/// <summary>
/// What a command reads from its surroundings: environment variables and whether output goes to a terminal.
/// Tests pass their own, so precedence rules are tested without touching the process environment.
/// </summary>
/// <param name="Variable">Looks up an environment variable; null when unset.</param>
/// <param name="IsTerminal">True when output goes to a terminal (tables are drawn), false when it is redirected (plain aligned lines).</param>
public sealed record CliEnvironment(Func<string, string?> Variable, bool IsTerminal)
{
    /// <summary>The process's environment; a terminal when standard output is not redirected.</summary>
    public static CliEnvironment FromProcess(bool outputIsConsole) =>
        new(Environment.GetEnvironmentVariable, outputIsConsole && !Console.IsOutputRedirected);

    /// <summary>An environment holding only <paramref name="variables"/>, not a terminal.</summary>
    public static CliEnvironment Of(IReadOnlyDictionary<string, string> variables) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, IsTerminal: false);

    /// <summary>Where contexts are kept: <c>RECON_CONFIG_DIR</c>, else <c>$HOME/.recon</c>.</summary>
    public string ConfigDirectory =>
        NonEmpty("RECON_CONFIG_DIR")
        ?? Path.Combine(NonEmpty("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".recon");

    /// <summary>True when <c>RECON_DEBUG=1</c>: errors come with their stack traces.</summary>
    public bool Debug => Variable("RECON_DEBUG") == "1";

    /// <summary>The variable's value, or null when unset or empty.</summary>
    public string? NonEmpty(string name) => Variable(name) is { Length: > 0 } value ? value : null;
}
