using System.CommandLine;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Contexts;

/// <summary>
/// <c>recon context set|use|list|current</c>: named agent + token + namespace (+ TLS files) defaults, as kubectl's contexts, kept in
/// <c>~/.recon/config</c> (mode 0600). Tokens are never printed in full.
/// </summary>
public static class ContextCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session) =>
        new("context", "Manage named connection defaults (address, token, namespace).")
        {
            Set(session), Use(session), List(session), Current(session),
        };

    private static Command Set(CliSession session)
    {
        var name = new Argument<string>("NAME");
        var address = new Option<string?>("--address", "-address") { Description = "The agent's address." };
        var token = new Option<string?>("--token", "-token") { Description = "The token." };
        var ns = new Option<string?>("--namespace", "-n", "-namespace") { Description = "The default namespace." };
        var caCert = new Option<string?>("--ca-cert", "-ca-cert") { Description = "The CA certificate (PEM) that signed an https agent's certificate." };
        var clientCert = new Option<string?>("--client-cert", "-client-cert") { Description = "A client certificate (PEM) for an agent with verify_https_client." };
        var clientKey = new Option<string?>("--client-key", "-client-key") { Description = "The client certificate's private key (PEM)." };
        var command = new Command("set", "Create a context or change some of its fields.") { name, address, token, ns, caCert, clientCert, clientKey };
        command.SetAction(parse =>
        {
            var directory = session.Environment.ConfigDirectory;
            var file = ContextFile.Load(directory);
            var contextName = parse.GetRequiredValue(name);
            var existing = file.Contexts.GetValueOrDefault(contextName) ?? new ReconContext(null, null, null);
            var newAddress = parse.GetValue(address);
            if (newAddress is not null) ConnectionSettings.ParseAddress(newAddress);
            var updated = new ReconContext(newAddress ?? existing.Address, parse.GetValue(token) ?? existing.Token, parse.GetValue(ns) ?? existing.Namespace)
            {
                // Kept absolute: the context is used from any directory.
                CaCert = FullPath(parse.GetValue(caCert)) ?? existing.CaCert,
                ClientCert = FullPath(parse.GetValue(clientCert)) ?? existing.ClientCert,
                ClientKey = FullPath(parse.GetValue(clientKey)) ?? existing.ClientKey,
            };
            var contexts = new Dictionary<string, ReconContext>(file.Contexts) { [contextName] = updated };
            (file with { Contexts = contexts, CurrentContext = file.CurrentContext ?? contextName }).Save(directory);
            session.Out.WriteLine($"Context \"{contextName}\" set.");
            return 0;
        });
        return command;
    }

    private static string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path);

    private static Command Use(CliSession session)
    {
        var name = new Argument<string>("NAME");
        var command = new Command("use", "Make a context the current one.") { name };
        command.SetAction(parse =>
        {
            var directory = session.Environment.ConfigDirectory;
            var file = ContextFile.Load(directory);
            var contextName = parse.GetRequiredValue(name);
            if (!file.Contexts.ContainsKey(contextName))
                throw new CommandException($"No context named \"{contextName}\"; create it with `recon context set {contextName} --address ...`, or see `recon context list`.");
            (file with { CurrentContext = contextName }).Save(directory);
            session.Out.WriteLine($"Switched to context \"{contextName}\".");
            return 0;
        });
        return command;
    }

    private static Command List(CliSession session)
    {
        var format = OutputFormatOption.Create();
        var command = new Command("list", "List contexts (with their CA and client certificate files when any has one); tokens are masked.") { format };
        command.SetAction(parse =>
        {
            var file = ContextFile.Load(session.Environment.ConfigDirectory);
            var masked = file.Contexts.OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new { Name = c.Key, Current = c.Key == file.CurrentContext, c.Value.Address, Token = c.Value.MaskedToken, c.Value.Namespace, c.Value.CaCert, c.Value.ClientCert })
                .ToList();
            var tls = masked.Any(c => c.CaCert is not null || c.ClientCert is not null);
            if (parse.GetValue(format) != OutputFormat.Table)
                session.Out.WriteLine(OutputFormatOption.Render(masked, parse.GetValue(format)));
            else if (masked.Count == 0)
                session.Error.WriteLine("No contexts; create one with `recon context set NAME --address ...`.");
            else
                TableWriter.Write(session, ["CURRENT", "NAME", "ADDRESS", "TOKEN", "NAMESPACE", .. tls ? ["CA CERT", "CLIENT CERT"] : Array.Empty<string>()],
                    [.. masked.Select(c => (IReadOnlyList<string>)[c.Current ? "*" : "", c.Name, c.Address ?? "", c.Token ?? "", c.Namespace ?? "",
                        .. tls ? [c.CaCert ?? "", c.ClientCert ?? ""] : Array.Empty<string>()])]);
            return 0;
        });
        return command;
    }

    private static Command Current(CliSession session)
    {
        var command = new Command("current", "Print the current context's name.");
        command.SetAction(parse =>
        {
            var file = ContextFile.Load(session.Environment.ConfigDirectory);
            if (file.CurrentContext is null)
                throw new CommandException("No current context; set one with `recon context use NAME`.");
            session.Out.WriteLine(file.CurrentContext);
            return 0;
        });
        return command;
    }
}
