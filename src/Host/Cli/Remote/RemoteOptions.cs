using System.CommandLine;

namespace Reconciler.Host.Cli.Remote;

/// <summary>The connection flags every command that talks to an agent takes, in Nomad's single-dash and GNU double-dash spellings.</summary>
public sealed class RemoteOptions
{
    /// <summary><c>-address</c>: the agent's address.</summary>
    public Option<string?> Address { get; } = new("--address", "-address") { Description = "The agent's HTTP address (env RECON_ADDR; default http://127.0.0.1:4747)." };

    /// <summary><c>-token</c>: the token.</summary>
    public Option<string?> Token { get; } = new("--token", "-token") { Description = "The token sent as X-Recon-Token (env RECON_TOKEN)." };

    /// <summary><c>-n</c>: the namespace; only on namespaced commands.</summary>
    public Option<string?> Namespace { get; private set; } = new("--namespace", "-n", "-namespace") { Description = "The namespace (env RECON_NAMESPACE; default: the context's, else default)." };

    /// <summary>
    /// Adds the flags to <paramref name="command"/>; <paramref name="namespaced"/> adds <c>-n</c> too, or only
    /// <c>-namespace</c> when <paramref name="shortNamespace"/> is false (<c>alloc logs</c>, whose <c>-n</c> counts lines as in Nomad).
    /// </summary>
    public static RemoteOptions AddTo(Command command, bool namespaced = true, bool shortNamespace = true)
    {
        var options = new RemoteOptions { _namespaced = namespaced };
        if (!shortNamespace) options.Namespace = new Option<string?>("--namespace", "-namespace") { Description = options.Namespace.Description };
        command.Options.Add(options.Address);
        command.Options.Add(options.Token);
        if (namespaced) command.Options.Add(options.Namespace);
        return options;
    }

    private bool _namespaced;

    /// <summary>The connection the parsed flags, the environment and the current context give.</summary>
    public ConnectionSettings Resolve(ParseResult parse, CliEnvironment environment) =>
        ConnectionSettings.Resolve(parse.GetValue(Address), parse.GetValue(Token), _namespaced ? parse.GetValue(Namespace) : null, environment);

    /// <summary>An API client for the parsed flags.</summary>
    public ReconApiClient Connect(ParseResult parse, CliEnvironment environment) => new(Resolve(parse, environment));
}
