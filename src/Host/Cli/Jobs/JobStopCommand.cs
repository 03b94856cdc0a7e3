using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Jobs;

/// <summary>
/// <c>recon job stop [-purge] JOB</c> (and <c>recon stop JOB</c>), as Nomad's: the job is marked stopped (a new version with
/// <c>stop: true</c>) and its allocations stop; it stays, dead, until <c>recon job run</c> starts it again. <c>-purge</c>
/// deletes the job, its allocations and evaluations.
/// </summary>
public static class JobStopCommand
{
    /// <summary>Builds the command as <paramref name="name"/>.</summary>
    public static Command Create(CliSession session, string name = "stop")
    {
        var job = new Argument<string>("JOB") { Description = "The job's name." };
        var purge = NomadFlag.Create<bool>("purge", "Delete the job, its allocations and evaluations once they stopped, rather than keep it stopped.");
        var command = new Command(name, "Stop a job: it is marked stopped and its allocations stop; -purge deletes it.") { job, purge };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var jobName = parse.GetRequiredValue(job);
            var purged = parse.GetValue(purge);
            using var client = remote.Connect(parse, session.Environment);
            await JobLookup.GetAsync(client, jobName, ct);
            var stopped = await client.DeleteAsync<EvaluationCreated>(client.Namespaced(JobRoute.Of(jobName), ("purge", purged ? "true" : null)), ct);
            session.Out.WriteLine(purged
                ? $"Job \"{jobName}\" is being purged: its allocations stop, then the job, its allocations and evaluations are deleted."
                : stopped.EvaluationId is null
                    ? $"Job \"{jobName}\" is already stopped; `recon job run` starts it again, `recon job stop -purge {jobName}` deletes it."
                    : $"Job \"{jobName}\" is stopping: its allocations stop and it stays, dead, until `recon job run` starts it again.");
            if (stopped.EvaluationId is not null) session.Out.WriteLine($"Evaluation ID: {stopped.EvaluationId}");
            return 0;
        });
        return command;
    }
}
