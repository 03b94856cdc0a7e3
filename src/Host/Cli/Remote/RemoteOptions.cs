using System.CommandLine;

namespace Reconciler.Host.Cli.Remote;

/// <summary>
/// The connection flags every command that talks to an agent takes (address, token, namespace, TLS files), in Nomad's
/// single-dash and GNU double-dash spellings.
/// </summary>
public sealed class RemoteOptions
{
    /// <summary><c>-address</c>: the agent's address.</summary>
    public Option<string?> Address { get; } = new("--address", "-address") { Description = "The agent's HTTP address (env RECON_ADDR; default http://127.0.0.1:4747)." };

    /// <summary><c>-token</c>: the token.</summary>
    public Option<string?> Token { get; } = new("--token", "-token") { Description = "The token sent as X-Recon-Token (env RECON_TOKEN)." };

    /// <summary><c>-ca-cert</c>: the CA certificate an https agent's certificate must chain to.</summary>
    public Option<string?> CaCert { get; } = new("--ca-cert", "-ca-cert") { Description = "The CA certificate (PEM) that signed an https agent's certificate (env RECON_CACERT)." };

    /// <summary><c>-client-cert</c>: the certificate presented to an agent that verifies clients.</summary>
    public Option<string?> ClientCert { get; } = new("--client-cert", "-client-cert") { Description = "A client certificate (PEM) for an agent with verify_https_client (env RECON_CLIENT_CERT)." };

    /// <summary><c>-client-key</c>: the private key of the client certificate.</summary>
    public Option<string?> ClientKey { get; } = new("--client-key", "-client-key") { Description = "The client certificate's private key (PEM) (env RECON_CLIENT_KEY)." };

    /// <summary><c>-tls-skip-verify</c>: accept any agent certificate.</summary>
    public Option<bool> SkipVerify { get; } = new("--tls-skip-verify", "-tls-skip-verify") { Description = "Do not check the agent's certificate; not for production (env RECON_SKIP_VERIFY)." };

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
        command.Options.Add(options.CaCert);
        command.Options.Add(options.ClientCert);
        command.Options.Add(options.ClientKey);
        command.Options.Add(options.SkipVerify);
        if (namespaced) command.Options.Add(options.Namespace);
        return options;
    }

    private bool _namespaced;

    /// <summary>The connection the parsed flags, the environment and the current context give.</summary>
    public ConnectionSettings Resolve(ParseResult parse, CliEnvironment environment) =>
        ConnectionSettings.Resolve(parse.GetValue(Address), parse.GetValue(Token), _namespaced ? parse.GetValue(Namespace) : null, environment,
            new CliTls(parse.GetValue(CaCert), parse.GetValue(ClientCert), parse.GetValue(ClientKey), parse.GetValue(SkipVerify)));

    /// <summary>An API client for the parsed flags.</summary>
    public ReconApiClient Connect(ParseResult parse, CliEnvironment environment) => new(Resolve(parse, environment));
}
