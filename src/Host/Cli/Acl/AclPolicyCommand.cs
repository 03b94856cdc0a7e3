using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Manifests;

namespace Reconciler.Host.Cli.Acl;

/// <summary><c>recon acl policy apply|list|info|delete</c>, as <c>nomad acl policy</c>.</summary>
public static class AclPolicyCommand
{
    // The ACL routes serve policies under /v1/acl/policy/{name}, so the generic object calls go there.
    private static readonly KindDescription Kind = new("AclPolicy", "acl/policy", Namespaced: false, System: true);

    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session) =>
        new("policy", "Create, list, show and delete ACL policies.")
        {
            Apply(session), List(session), Info(session), Delete(session),
        };

    private static Command Apply(CliSession session)
    {
        var name = new Argument<string>("NAME");
        var file = new Argument<string>("FILE") { Description = "The rules in YAML: namespaces (name, policy, capabilities), node, operator, agent." };
        var description = new Option<string?>("--description", "-description") { Description = "A sentence about the policy." };
        var command = new Command("apply", "Create or replace a policy from a rules file.") { name, file, description };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            var policy = AclPolicyFile.Read(parse.GetRequiredValue(file), parse.GetRequiredValue(name), parse.GetValue(description));
            using var client = remote.Connect(parse, session.Environment);
            await client.PutAsync(Kind, policy.Metadata.Name, "", AclPolicyFile.ToJson(policy), ct);
            await session.Out.WriteLineAsync($"Successfully wrote \"{policy.Metadata.Name}\" ACL policy!");
            return 0;
        });
        return command;
    }

    private static Command List(CliSession session)
    {
        var format = OutputFormatOption.Create();
        var command = new Command("list", "List policies.") { format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var list = await client.GetAsync<ResourceList>("/v1/acl/policies", ct);
            if (parse.GetValue(format) != OutputFormat.Table)
                ObjectPrinter.Print(session, list.Items, parse.GetValue(format), false, "");
            else if (list.Items.Count == 0)
                await session.Error.WriteLineAsync("No ACL policies.");
            else
                TableWriter.Write(session, ["NAME", "DESCRIPTION"], [.. list.Items.Select(p => (IReadOnlyList<string>)[Field(p, "metadata", "name"), Field(p, "spec", "description")])]);
            return 0;
        });
        return command;
    }

    private static Command Info(CliSession session)
    {
        var name = new Argument<string>("NAME");
        var format = OutputFormatOption.Create();
        var command = new Command("info", "Show one policy and its rules.") { name, format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var policy = await client.GetAsync(Kind, parse.GetRequiredValue(name), "", ct);
            if (parse.GetValue(format) != OutputFormat.Table)
            {
                ObjectPrinter.Print(session, policy, parse.GetValue(format), false);
                return 0;
            }
            var rules = policy["spec"]?.DeepClone().AsObject() ?? [];
            rules.Remove("description");
            TableWriter.WritePlain(session.Out, null,
            [
                ["Name", $"= {Field(policy, "metadata", "name")}"],
                ["Description", $"= {Field(policy, "spec", "description")}"],
                ["Create Index", $"= {Field(policy, "metadata", "resourceVersion")}"],
            ]);
            await session.Out.WriteLineAsync($"\nRules\n\n{ManifestWriter.ToYaml(rules).TrimEnd()}");
            return 0;
        });
        return command;
    }

    private static Command Delete(CliSession session)
    {
        var name = new Argument<string>("NAME");
        var command = new Command("delete", "Delete a policy; tokens naming it lose what it granted.") { name };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            await client.DeleteAsync(Kind, parse.GetRequiredValue(name), "", ct);
            await session.Out.WriteLineAsync($"Successfully deleted \"{parse.GetRequiredValue(name)}\" ACL policy!");
            return 0;
        });
        return command;
    }

    private static string Field(JsonObject resource, string section, string field) => resource[section]?[field] is JsonValue value ? value.ToString() : "";
}
