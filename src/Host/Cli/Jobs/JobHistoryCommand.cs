using System.CommandLine;
using System.Globalization;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Api.Jobs;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Jobs;

/// <summary>
/// <c>recon job history [-p] JOB</c>: the job's recorded versions, newest first, with their stable flags; <c>-p</c> adds
/// the field diff from the version before (the plan's diff, over the redacted view: secret values are never shown).
/// </summary>
public static class JobHistoryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var name = new Argument<string>("JOB") { Description = "The job whose versions to list." };
        var diff = NomadFlag.Create<bool>("p", "Show the changes between each version and the one before it.");
        var format = OutputFormatOption.Create();
        var command = new Command("history", "List a job's versions.") { name, diff, format };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var job = parse.GetRequiredValue(name);
            await JobLookup.GetAsync(client, job, ct);
            var versions = await client.GetAsync<ResourceList>(client.Namespaced(JobRoute.Of(job) + "/versions"), ct);
            var output = parse.GetValue(format);
            if (output != OutputFormat.Table)
            {
                ObjectPrinter.Print(session, versions.Items, output, false, "");
                return 0;
            }
            var typed = Typed.All<JobVersion>(versions.Items);
            for (var i = 0; i < versions.Items.Count; i++)
            {
                if (i > 0) session.Out.WriteLine();
                var withDiff = parse.GetValue(diff) && i + 1 < versions.Items.Count;
                List<IReadOnlyList<string>> rows = [
                    ["Version", "=", typed[i].Spec.Version.ToString(CultureInfo.InvariantCulture)],
                    ["Stable", "=", typed[i].Spec.Stable ? "true" : "false"],
                    ["Submit Date", "=", typed[i].Metadata.CreatedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? ""],
                ];
                if (withDiff) rows.Add(["Diff", "=", ""]);
                TableWriter.WritePlain(session.Out, null, rows);
                if (!withDiff) continue;
                // The versions arrive redacted, so the diff compares and prints redacted secret values only.
                var changes = JobFieldDiff.Of(versions.Items[i + 1]["spec"]?["spec"], versions.Items[i]["spec"]?["spec"], "spec");
                if (changes.Count == 0) session.Out.WriteLine("  (no changes)");
                foreach (var change in changes) session.Out.WriteLine($"  {PlanPrinter.Line(change)}");
            }
            return 0;
        });
        return command;
    }
}
