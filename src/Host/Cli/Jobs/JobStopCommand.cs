using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job stop [-purge] JOB</c> (and <c>recon stop JOB</c>): stops the job's allocations and removes the job.</summary>
public static class JobStopCommand
{
    /// <summary>Builds the command as <paramref name="name"/>.</summary>
    public static Command Create(CliSession session, string name = "stop")
    {
        var job = new Argument<string>("JOB") { Description = "The job's name." };
        var purge = NomadFlag.Create<bool>("purge", "Accepted for Nomad's habit: a stopped job is removed once its allocations stopped, purged or not.");
        var command = new Command(name, "Stop a job: its allocations are stopped, then the job is removed.") { job, purge };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var jobName = parse.GetRequiredValue(job);
            using var client = remote.Connect(parse, session.Environment);
            await JobLookup.GetAsync(client, jobName, ct);
            var stopped = await client.DeleteAsync<EvaluationCreated>(client.Namespaced(JobRoute.Of(jobName), ("purge", parse.GetValue(purge) ? "true" : null)), ct);
            session.Out.WriteLine($"Job \"{jobName}\" is stopping: its allocations are stopped, then the job is removed.");
            if (stopped.EvaluationId is not null) session.Out.WriteLine($"Evaluation ID: {stopped.EvaluationId}");
            return 0;
        });
        return command;
    }
}
