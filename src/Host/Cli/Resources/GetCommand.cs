using System.CommandLine;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Resources;

/// <summary><c>recon get KIND [NAME]</c>: lists or shows objects of any kind the agent serves, as <c>kubectl get</c>.</summary>
public static class GetCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var kind = new Argument<string>("KIND") { Description = "A kind, singular or plural, any case: job, jobs, Namespace, ..." };
        var name = new Argument<string?>("NAME") { Description = "One object's name; all objects when left out.", Arity = ArgumentArity.ZeroOrOne };
        var allNamespaces = new Option<bool>("--all-namespaces", "-A") { Description = "List objects of every namespace." };
        var selector = new Option<string?>("--selector", "-l") { Description = "Only objects whose labels match, e.g. -l app=web,tier!=db." };
        var format = OutputFormatOption.Create();
        var command = new Command("get", "Show objects of a kind, or one object.") { kind, name, allNamespaces, selector, format };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var description = await client.ResolveKindAsync(parse.GetRequiredValue(kind), ct);
            var ns = client.Settings.Namespace;
            if (parse.GetValue(name) is { } one)
            {
                ObjectPrinter.Print(session, await client.GetAsync(description, one, ns, ct), parse.GetValue(format), description.Namespaced);
                return 0;
            }
            var all = parse.GetValue(allNamespaces);
            var list = await client.ListAsync(description, all ? "*" : ns, parse.GetValue(selector), ct);
            var where = !description.Namespaced || all ? "" : $" in namespace {ns}";
            ObjectPrinter.Print(session, list.Items, parse.GetValue(format), description.Namespaced && all, $"No {description.Plural} found{where}.");
            return 0;
        });
        return command;
    }
}
