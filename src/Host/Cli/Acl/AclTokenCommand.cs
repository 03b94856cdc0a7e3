using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Acl;

/// <summary><c>recon acl bootstrap</c> and <c>recon acl token create|list|info|self|delete</c>.</summary>
public static class AclTokenCommand
{
    /// <summary><c>recon acl bootstrap</c>: the first management token; its secret is printed this once.</summary>
    public static Command Bootstrap(CliSession session)
    {
        var format = OutputFormatOption.Create();
        var command = new Command("bootstrap", "Create the first management token (once per cluster) and print its secret.") { format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            AclTokenPrinter.Print(session, await client.PostAsync<AclTokenView>("/v1/acl/bootstrap", null, ct), parse.GetValue(format));
            return 0;
        });
        return command;
    }

    /// <summary>Builds <c>recon acl token</c>.</summary>
    public static Command Create(CliSession session) =>
        new("token", "Create, list, show and delete ACL tokens.")
        {
            CreateToken(session), List(session), Info(session), Self(session), Delete(session),
        };

    private static Command CreateToken(CliSession session)
    {
        var name = new Option<string?>("--name", "-name") { Description = "A name for people." };
        var type = new Option<string>("--type", "-type") { Description = "client (what its policies allow; default) or management (everything).", DefaultValueFactory = _ => "client" };
        type.AcceptOnlyFromAmong("client", "management");
        var policies = new Option<string[]>("--policy", "-policy") { Description = "A policy of a client token; repeat for several." };
        var ttl = new Option<string?>("--ttl", "-ttl") { Description = "How long the token lives, e.g. 8h (default: forever)." };
        var format = OutputFormatOption.Create();
        var command = new Command("create", "Create a token and print its secret (shown this once).") { name, type, policies, ttl, format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            var request = new AclTokenRequest(parse.GetValue(name), parse.GetValue(type), parse.GetValue(policies) ?? [], parse.GetValue(ttl));
            using var client = remote.Connect(parse, session.Environment);
            AclTokenPrinter.Print(session, await client.PostAsync<AclTokenView>("/v1/acl/token", request, ct), parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command List(CliSession session)
    {
        var format = OutputFormatOption.Create();
        var command = new Command("list", "List tokens (never their secrets).") { format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            AclTokenPrinter.Print(session, await client.GetAsync<IReadOnlyList<AclTokenView>>("/v1/acl/tokens", ct), parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Info(CliSession session)
    {
        var accessor = new Argument<string>("ACCESSOR") { Description = "The token's accessor id." };
        return Show(session, new Command("info", "Show one token (never its secret).") { accessor },
            parse => $"/v1/acl/token/{Uri.EscapeDataString(parse.GetRequiredValue(accessor))}");
    }

    private static Command Self(CliSession session) =>
        Show(session, new Command("self", "Show the token this command sends."), _ => "/v1/acl/token/self");

    // A command that reads one token from the path it names and prints it.
    private static Command Show(CliSession session, Command command, Func<ParseResult, string> path)
    {
        var format = OutputFormatOption.Create();
        command.Add(format);
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            AclTokenPrinter.Print(session, await client.GetAsync<AclTokenView>(path(parse), ct), parse.GetValue(format));
            return 0;
        });
        return command;
    }

    private static Command Delete(CliSession session)
    {
        var accessor = new Argument<string>("ACCESSOR") { Description = "The token's accessor id." };
        var command = new Command("delete", "Delete a token; it stops working at once.") { accessor };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var id = parse.GetRequiredValue(accessor);
            await client.DeleteAsync<DeleteResponse>($"/v1/acl/token/{Uri.EscapeDataString(id)}", ct);
            await session.Out.WriteLineAsync($"Token {id} successfully deleted");
            return 0;
        });
        return command;
    }
}
