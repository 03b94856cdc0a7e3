using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reconciler.Client.Stats;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Allocations;

/// <summary>
/// <c>recon alloc status [-stats]|restart|stop ALLOC</c>. ALLOC is an id, an unambiguous prefix of one, or a job name (then a
/// running allocation of that job); the agent resolves it and lists the candidates of an ambiguous prefix.
/// </summary>
public static class AllocCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session) => new("alloc", "Show, restart and stop allocations, and print their logs.")
    {
        Status(session),
        Action(session, "restart", "Restart an allocation's tasks in place (done by the client running it).", "restarted"),
        Action(session, "stop", "Stop an allocation; the scheduler replaces it for service jobs.", "stopped"),
        AllocLogsCommand.Create(session),
        AllocExecCommand.Create(session),
    };

    private static Command Status(CliSession session)
    {
        var id = IdArgument();
        var format = OutputFormatOption.Create();
        var stats = NomadFlag.Create<bool>("stats", "Show what the running tasks use (CPU, memory), sampled now by the client running them.");
        var command = new Command("status", "Show an allocation: where it runs, its status and its tasks.") { id, stats, format };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var json = await client.GetAsync<JsonObject>(Path(client, parse.GetRequiredValue(id)), ct);
            var allocation = Typed.As<Allocation>(json);
            var usage = parse.GetValue(stats) && allocation.Status.ClientStatus == AllocationClientStatus.Running
                ? await client.GetAsync<AllocationUsage>(client.Namespaced($"/v1/client/allocation/{Uri.EscapeDataString(allocation.Metadata.Name)}/stats"), ct)
                : null;
            if (parse.GetValue(format) is var output && output != OutputFormat.Table)
            {
                if (usage is not null) json["stats"] = JsonSerializer.SerializeToNode(usage, ApiJson.Options);
                ObjectPrinter.Print(session, json, output, true);
                return 0;
            }
            Print(session, allocation);
            if (usage is not null) AllocStatsPrinter.Print(session, usage);
            else if (parse.GetValue(stats)) session.Out.WriteLine($"{System.Environment.NewLine}Task Resources{System.Environment.NewLine}The allocation is not running: no resource usage to show.");
            return 0;
        });
        return command;
    }

    private static Command Action(CliSession session, string verb, string description, string done)
    {
        var id = IdArgument();
        var command = new Command(verb, description) { id };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var allocation = Typed.As<Allocation>(await client.GetAsync<JsonObject>(Path(client, parse.GetRequiredValue(id)), ct));
            var result = await client.PostAsync<EvaluationCreated>(client.Namespaced($"/v1/allocation/{Uri.EscapeDataString(allocation.Metadata.Name)}/{verb}"), null, ct);
            session.Out.WriteLine($"Allocation \"{Typed.Short(allocation.Metadata.Name)}\" ({allocation.Spec.Name}) {done}");
            if (result.EvaluationId is not null) session.Out.WriteLine($"Evaluation ID: {result.EvaluationId}");
            return 0;
        });
        return command;
    }

    private static Argument<string> IdArgument() => new("ALLOC") { Description = "An allocation id, a prefix of one, or a job name." };

    private static string Path(ReconApiClient client, string id) => client.Namespaced($"/v1/allocation/{Uri.EscapeDataString(id)}");

    private static void Print(CliSession session, Allocation a)
    {
        TableWriter.WritePlain(session.Out, null, [
            ["ID", "=", a.Metadata.Name],
            ["Name", "=", a.Spec.Name],
            ["Node", "=", a.Spec.Node],
            ["Job ID", "=", a.Spec.Job],
            ["Job Version", "=", a.Spec.JobVersion.ToString(CultureInfo.InvariantCulture)],
            ["Client Status", "=", a.Status.ClientStatus.ToString().ToLowerInvariant()],
            ["Client Description", "=", a.Status.ClientDescription ?? "<none>"],
            ["Desired Status", "=", a.Spec.DesiredStatus.ToString().ToLowerInvariant()],
            ["Desired Description", "=", a.Spec.DesiredDescription ?? "<none>"],
            ["Created", "=", a.Metadata.CreatedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? ""],
        ]);
        session.Out.WriteLine();
        if (a.Status.TaskStates.Count == 0)
        {
            session.Out.WriteLine("No task has reported a state yet.");
            return;
        }
        TableWriter.Write(session, ["Task", "State", "Restarts"],
            [.. a.Status.TaskStates.Select(t => (IReadOnlyList<string>)[t.Key, t.Value.State.ToString().ToLowerInvariant(), t.Value.Restarts.ToString(CultureInfo.InvariantCulture)])]);
    }
}
