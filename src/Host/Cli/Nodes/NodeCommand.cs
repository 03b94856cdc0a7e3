using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Client.Stats;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.Nodes;

/// <summary><c>recon node status [-allocs] [NODE]</c>, <c>recon node status -stats NODE</c>, <c>recon node drain -enable|-disable [-deadline D] NODE</c>, <c>recon node eligibility -enable|-disable NODE</c>.</summary>
public static class NodeCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session) => new("node", "Show nodes, drain them, and set their scheduling eligibility.")
    {
        Status(session),
        Toggle(session, "drain", "Drain a node: its allocations move to other nodes (-deadline bounds how long they may take).", withDeadline: true),
        Toggle(session, "eligibility", "Allow or forbid placing new allocations on a node.", withDeadline: false),
    };

    private static Command Status(CliSession session)
    {
        var node = new Argument<string?>("NODE") { Description = "A node's name; every node when left out.", Arity = ArgumentArity.ZeroOrOne };
        var allocs = NomadFlag.Create<bool>("allocs", "Count the running allocations of each node in the list.");
        var stats = NomadFlag.Create<bool>("stats", "With NODE: show what its machine uses (CPU, memory, disk), sampled now by its client.");
        var format = OutputFormatOption.Create();
        var command = new Command("status", "Show nodes, or one node with its allocations.") { node, allocs, stats, format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var output = parse.GetValue(format);
            if (parse.GetValue(node) is { } name)
            {
                var one = await client.GetAsync<NodeWithAllocations>($"/v1/node/{Uri.EscapeDataString(name)}", ct);
                var host = parse.GetValue(stats) ? await client.GetAsync<HostUsage>($"/v1/client/stats?node={Uri.EscapeDataString(name)}", ct) : null;
                if (output != OutputFormat.Table) session.Out.WriteLine(host is null ? OutputFormatOption.Render(one, output) : OutputFormatOption.Render(new { one.Node, one.Allocations, Stats = host }, output));
                else PrintOne(session, Typed.As<Node>(one.Node), Typed.All<Allocation>(one.Allocations));
                if (host is not null && output == OutputFormat.Table) HostStatsPrinter.Print(session, host);
                return 0;
            }
            if (parse.GetValue(stats)) throw new CommandException("-stats shows one node's machine: name the node, e.g. `recon node status -stats NODE`.");
            var list = await client.GetAsync<ResourceList>("/v1/nodes", ct);
            if (output != OutputFormat.Table) ObjectPrinter.Print(session, list.Items, output, false, "");
            else if (list.Items.Count == 0) session.Out.WriteLine("No nodes registered; a client agent registers its node (`recon agent -dev` runs one).");
            else await PrintListAsync(session, client, Typed.All<Node>(list.Items), parse.GetValue(allocs), ct);
            return 0;
        });
        return command;
    }

    private static async Task PrintListAsync(CliSession session, ReconApiClient client, IReadOnlyList<Node> nodes, bool allocs, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>();
        if (allocs)
        {
            var all = await client.GetAsync<ResourceList>("/v1/allocations?namespace=*", ct);
            foreach (var a in Typed.All<Allocation>(all.Items).Where(a => a.Spec.DesiredStatus == AllocationDesiredStatus.Run))
                counts[a.Spec.Node] = counts.GetValueOrDefault(a.Spec.Node) + 1;
        }
        IReadOnlyList<string> headers = ["ID", "DC", "Name", "Class", "Drain", "Eligibility", "Status", .. allocs ? (string[])["Running Allocs"] : []];
        TableWriter.Write(session, headers, [.. nodes.Select(n => (IReadOnlyList<string>)[
            Typed.Short(n.Metadata.Uid ?? n.Metadata.Name), n.Spec.Datacenter, n.Metadata.Name, n.Spec.NodeClass ?? "<none>",
            (n.Spec.Drain is not null).ToString().ToLowerInvariant(), Lower(n.Spec.SchedulingEligibility), Lower(n.Status.State),
            .. allocs ? [counts.GetValueOrDefault(n.Metadata.Name).ToString(CultureInfo.InvariantCulture)] : (string[])[]])]);
    }

    private static void PrintOne(CliSession session, Node node, IReadOnlyList<Allocation> allocations)
    {
        TableWriter.WritePlain(session.Out, null, [
            ["Name", "=", node.Metadata.Name],
            ["Datacenter", "=", node.Spec.Datacenter],
            ["Status", "=", Lower(node.Status.State)],
            ["Eligibility", "=", Lower(node.Spec.SchedulingEligibility)],
            ["Drain", "=", node.Spec.Drain is { } d ? $"true; deadline {Duration.Format(d.Deadline)}" : "false"],
            ["Drivers", "=", string.Join(",", node.Spec.Drivers.Where(kv => kv.Value.Healthy).Select(kv => kv.Key))],
            ["Resources", "=", $"cpu {node.Spec.Resources.Cpu} MHz, memory {node.Spec.Resources.MemoryMB} MB"],
        ]);
        session.Out.WriteLine();
        session.Out.WriteLine("Allocations");
        if (allocations.Count == 0) session.Out.WriteLine("No allocations placed");
        else TableWriter.Write(session, ["ID", "Job", "Task Group", "Version", "Desired", "Status"],
            [.. allocations.Select(a => (IReadOnlyList<string>)[Typed.Short(a.Metadata.Name), a.Spec.Job, a.Spec.Group,
                a.Spec.JobVersion.ToString(CultureInfo.InvariantCulture), Lower(a.Spec.DesiredStatus), Lower(a.Status.ClientStatus)])]);
    }

    private static Command Toggle(CliSession session, string verb, string description, bool withDeadline)
    {
        var node = new Argument<string>("NODE") { Description = "The node's name." };
        var enable = NomadFlag.Create<bool>("enable", verb == "drain" ? "Start draining." : "Make the node eligible for new allocations.");
        var disable = NomadFlag.Create<bool>("disable", verb == "drain" ? "Stop draining (the node becomes eligible again)." : "Make the node ineligible for new allocations.");
        var deadline = NomadFlag.Create<string?>("deadline", "How long allocations may take to migrate, e.g. 30m (default 1h).");
        var command = new Command(verb, description) { node, enable, disable };
        if (withDeadline) command.Options.Add(deadline);
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            var on = parse.GetValue(enable);
            if (on == parse.GetValue(disable)) throw new CommandException($"Pass exactly one of -enable or -disable, e.g. `recon node {verb} -enable NODE`.");
            var name = parse.GetRequiredValue(node);
            using var client = remote.Connect(parse, session.Environment);
            var path = $"/v1/node/{Uri.EscapeDataString(name)}/{verb}";
            var written = verb == "drain"
                ? await client.PostAsync<JsonObject>(path, new DrainRequest(on, ParseDeadline(withDeadline ? parse.GetValue(deadline) : null)), ct)
                : await client.PostAsync<JsonObject>(path, new EligibilityRequest(on), ct);
            var stored = Typed.As<Node>(written);
            session.Out.WriteLine(verb == "drain"
                ? $"Node \"{name}\" drain strategy {(on ? "set" : "unset")}; eligibility {Lower(stored.Spec.SchedulingEligibility)}"
                : $"Node \"{name}\" scheduling eligibility set: {Lower(stored.Spec.SchedulingEligibility)}");
            return 0;
        });
        return command;
    }

    private static TimeSpan? ParseDeadline(string? text) =>
        text is null ? null
        : Duration.TryParse(text, out var value) && value >= TimeSpan.Zero ? value
        : throw new CommandException($"-deadline '{text}' is not a duration; pass e.g. 30m or 1h.");

    private static string Lower<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();
}
