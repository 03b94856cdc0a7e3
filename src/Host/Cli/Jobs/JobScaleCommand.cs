using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job scale JOB [GROUP] COUNT</c>: sets a group's count (the group may be left out when the job has one).</summary>
public static class JobScaleCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var args = new Argument<string[]>("JOB [GROUP] COUNT") { Description = "The job, the group (when the job has several) and the new count.", Arity = new ArgumentArity(2, 3) };
        var command = new Command("scale", "Change the count of a job's task group.") { args };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var values = parse.GetRequiredValue(args);
            var (job, group, countText) = values.Length == 3 ? (values[0], values[1], values[2]) : (values[0], (string?)null, values[1]);
            if (!int.TryParse(countText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
                throw new CommandException($"'{countText}' is not a count; pass a whole number, e.g. `recon job scale {job} 3`.");
            using var client = remote.Connect(parse, session.Environment);
            await JobLookup.GetAsync(client, job, ct);
            var created = await client.PostAsync<EvaluationCreated>(client.Namespaced(JobRoute.Of(job) + "/scale"), new ScaleRequest(group, count), ct);
            session.Out.WriteLine($"Scaled job \"{job}\"{(group is null ? "" : $" group \"{group}\"")} to {count}");
            session.Out.WriteLine($"Evaluation ID: {created.EvaluationId}");
            return 0;
        });
        return command;
    }
}
