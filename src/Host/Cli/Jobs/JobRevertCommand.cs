using System.CommandLine;
using System.Globalization;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job revert [-check-index V] JOB VERSION</c>: registers an earlier version's spec as the job's new version.</summary>
public static class JobRevertCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var name = new Argument<string>("JOB") { Description = "The job to revert." };
        var version = new Argument<long>("VERSION") { Description = "The version to go back to, as `recon job history` lists it." };
        var checkIndex = NomadFlag.Create<long?>("check-index", "Revert only if the job is still at this version.");
        var command = new Command("revert", "Revert a job to an earlier version (registered again as a new version).") { name, version, checkIndex };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var job = parse.GetRequiredValue(name);
            var to = parse.GetValue(version);
            await JobLookup.GetAsync(client, job, ct);
            var reverted = await client.PostAsync<JobRegisterResponse>(client.Namespaced(JobRoute.Of(job) + "/revert"), new RevertRequest(to, parse.GetValue(checkIndex)), ct);
            session.Out.WriteLine($"Job \"{job}\" reverted to version {to.ToString(CultureInfo.InvariantCulture)}; it is now version {reverted.JobVersion.ToString(CultureInfo.InvariantCulture)}");
            session.Out.WriteLine($"Evaluation ID: {reverted.EvaluationId}");
            return 0;
        });
        return command;
    }
}
