using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job eval JOB</c>: forces a new evaluation of the job as registered.</summary>
public static class JobEvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var job = new Argument<string>("JOB") { Description = "The job's name." };
        var command = new Command("eval", "Force a new evaluation of a job, e.g. after nodes changed.") { job };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var jobName = parse.GetRequiredValue(job);
            using var client = remote.Connect(parse, session.Environment);
            await JobLookup.GetAsync(client, jobName, ct);
            var created = await client.PostAsync<EvaluationCreated>(client.Namespaced(JobRoute.Of(jobName) + "/evaluate"), null, ct);
            session.Out.WriteLine($"Created evaluation \"{created.EvaluationId}\" for job \"{jobName}\"; follow it with `recon eval status {created.EvaluationId}`.");
            return 0;
        });
        return command;
    }
}
