using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.Namespaces;

/// <summary><c>recon namespace apply|list|status|delete</c>, as <c>nomad namespace</c>.</summary>
public static class NamespaceCommand
{
    private static readonly KindDescription Kind = new(KindInfo.Of<Namespace>().Name, KindDescription.PluralOf(KindInfo.Of<Namespace>().Name), Namespaced: false, System: false);

    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session) =>
        new("namespace", "Create, list, show and delete namespaces.")
        {
            Apply(session), List(session), Status(session), Delete(session),
        };

    private static Command Apply(CliSession session)
    {
        var name = new Argument<string>("NAME");
        var description = new Option<string?>("--description", "-description") { Description = "A sentence about the namespace." };
        var command = new Command("apply", "Create a namespace or update its description.") { name, description };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            var ns = parse.GetRequiredValue(name);
            var resource = new JsonObject
            {
                ["apiVersion"] = Resource.DefaultApiVersion,
                ["kind"] = Kind.Kind,
                ["metadata"] = new JsonObject { ["name"] = ns },
                ["spec"] = new JsonObject { ["description"] = parse.GetValue(description) },
            };
            using var client = remote.Connect(parse, session.Environment);
            await client.PutAsync(Kind, ns, "", resource, ct);
            await session.Out.WriteLineAsync($"Successfully applied namespace \"{ns}\"!");
            return 0;
        });
        return command;
    }

    private static Command List(CliSession session)
    {
        var format = OutputFormatOption.Create();
        var command = new Command("list", "List namespaces.") { format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var list = await client.ListAsync(Kind, null, null, ct);
            if (parse.GetValue(format) != OutputFormat.Table)
                ObjectPrinter.Print(session, list.Items, parse.GetValue(format), false, "");
            else
                TableWriter.Write(session, ["NAME", "DESCRIPTION"], [.. list.Items.Select(n => (IReadOnlyList<string>)[Field(n, "metadata", "name"), Field(n, "spec", "description")])]);
            return 0;
        });
        return command;
    }

    private static Command Status(CliSession session)
    {
        var name = new Argument<string>("NAME");
        var format = OutputFormatOption.Create();
        var command = new Command("status", "Show one namespace.") { name, format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var ns = await client.GetAsync(Kind, parse.GetRequiredValue(name), "", ct);
            if (parse.GetValue(format) != OutputFormat.Table)
                ObjectPrinter.Print(session, ns, parse.GetValue(format), false);
            else
                TableWriter.WritePlain(session.Out, null,
                [
                    ["Name", $"= {Field(ns, "metadata", "name")}"],
                    ["Description", $"= {Field(ns, "spec", "description")}"],
                    ["Index", $"= {Field(ns, "metadata", "resourceVersion")}"],
                ]);
            return 0;
        });
        return command;
    }

    private static Command Delete(CliSession session)
    {
        var name = new Argument<string>("NAME");
        var command = new Command("delete", "Delete an empty namespace.") { name };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var result = await client.DeleteAsync(Kind, parse.GetRequiredValue(name), "", ct);
            await session.Out.WriteLineAsync($"Namespace \"{parse.GetRequiredValue(name)}\" {result.Action}");
            return 0;
        });
        return command;
    }

    private static string Field(JsonObject resource, string section, string field) => resource[section]?[field] is JsonValue value ? value.ToString() : "";
}
