using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job plan FILE</c>: a dry run. Exit 0 when nothing would change, 1 when something would, 255 on error (Nomad's codes).</summary>
public static class JobPlanCommand
{
    /// <summary>Exit code of a plan that failed.</summary>
    public const int ErrorExitCode = 255;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var file = new Argument<string>("FILE") { Description = "The job file, e.g. redis.yaml." };
        var format = OutputFormatOption.Create();
        var command = new Command("plan", "Show what running a job file would change: the diff and the scheduler's dry run.") { file, format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var job = JobFile.Read(parse.GetRequiredValue(file));
                using var client = new ReconApiClient(remote.Resolve(parse, session.Environment) with { Namespace = job.Namespace });
                var plan = await client.PostManifestAsync<JobPlanResponse>(client.Namespaced(job.Route + "/plan"), job.Text, ct);
                if (parse.GetValue(format) is var f && f != OutputFormat.Table) session.Out.WriteLine(OutputFormatOption.Render(plan, f));
                else PlanPrinter.Print(session.Out, plan, job.Job.Metadata.Name, job.Path);
                return plan.HasChanges ? 1 : 0;
            }
            catch (CommandException e)
            {
                throw e.WithExitCode(ErrorExitCode);
            }
        });
        return command;
    }
}
