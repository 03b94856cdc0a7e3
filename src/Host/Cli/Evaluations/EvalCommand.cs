using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Evaluations;

/// <summary><c>recon eval status ID</c>: what the scheduler made of an evaluation, with placement failures in words.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session)
    {
        var id = new Argument<string>("ID") { Description = "The evaluation's id, as `recon job run` or `recon job eval` print it." };
        var format = OutputFormatOption.Create();
        var status = new Command("status", "Show an evaluation.") { id, format };
        var remote = RemoteOptions.AddTo(status);
        status.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var evalId = parse.GetRequiredValue(id);
            JsonObject json;
            try
            {
                json = await client.GetAsync<JsonObject>(client.Namespaced($"/v1/evaluation/{Uri.EscapeDataString(evalId)}"), ct);
            }
            catch (CommandException e) when (e.AgentCode == "NotFound")
            {
                throw new CommandException($"No evaluation '{evalId}' in namespace {client.Settings.Namespace}; `recon job status JOB` names a job's evaluations' effects, `recon get evaluations` lists them.");
            }
            if (parse.GetValue(format) is var output && output != OutputFormat.Table)
            {
                ObjectPrinter.Print(session, json, output, true);
                return 0;
            }
            Print(session.Out, Typed.As<Evaluation>(json));
            return 0;
        });
        return new Command("eval", "Show evaluations.") { status };
    }

    private static void Print(TextWriter output, Evaluation e)
    {
        TableWriter.WritePlain(output, null, [
            ["ID", "=", e.Metadata.Name],
            ["Status", "=", e.Status.State.ToString().ToLowerInvariant()],
            ["Status Description", "=", e.Status.Description ?? "<none>"],
            ["Type", "=", e.Spec.Type.ToString().ToLowerInvariant()],
            ["TriggeredBy", "=", e.Spec.TriggeredBy.ToString()],
            ["Job ID", "=", e.Spec.Job],
            ["Job Version", "=", e.Spec.JobVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            ["Priority", "=", e.Spec.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        ]);
        if (e.Status.FailedPlacements.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Failed Placements");
        foreach (var (group, failure) in e.Status.FailedPlacements)
            output.WriteLine($"Task Group \"{group}\" (failed to place {1 + failure.CoalescedFailures} allocation(s)): {failure.Description}");
    }
}
