using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Deployments;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job promote [-group G]... JOB</c>: promotes the canaries of the job's latest deployment.</summary>
public static class JobPromoteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var name = new Argument<string>("JOB") { Description = "The job whose latest deployment to promote." };
        var groups = NomadFlag.Create<string[]>("group", "Promote only this task group's canaries (repeatable); every group when left out.");
        var command = new Command("promote", "Promote the canaries of a job's latest deployment.") { name, groups };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var job = parse.GetRequiredValue(name);
            await JobLookup.GetAsync(client, job, ct);
            var deployments = await client.GetAsync<ResourceList>(client.Namespaced(JobRoute.Of(job) + "/deployments"), ct);
            var latest = Typed.All<Deployment>(deployments.Items).MaxBy(d => d.Spec.JobVersion)
                ?? throw new CommandException($"Job '{job}' has no deployment to promote; `recon job status {job}` shows its allocations.");
            await DeploymentPromoteCommand.PromoteAsync(session, client, latest.Metadata.Name, parse.GetValue(groups), ct);
            return 0;
        });
        return command;
    }
}
