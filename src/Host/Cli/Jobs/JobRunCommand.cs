using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job run [-check-index N] [-detach] FILE</c>: registers the job, then monitors its evaluation, allocations and deployment.</summary>
public static class JobRunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var file = new Argument<string>("FILE") { Description = "The job file, e.g. redis.yaml." };
        var checkIndex = NomadFlag.Create<long?>("check-index", "Register only if the job's modify index is N (0: only if the job does not exist), as `recon job plan` prints it.");
        var detach = NomadFlag.Create<bool>("detach", "Return after submitting, printing the evaluation id.");
        var startTimeout = NomadFlag.Create<string?>("start-timeout", "How long to wait for a client to start the allocations before leaving them to it (default 30s).");
        var command = new Command("run", "Submit a job file and monitor it until its allocations run and its deployment ends.") { file, checkIndex, detach, startTimeout };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            var wait = ParseTimeout(parse.GetValue(startTimeout));
            var job = JobFile.Read(parse.GetRequiredValue(file));
            using var client = new ReconApiClient(remote.Resolve(parse, session.Environment) with { Namespace = job.Namespace });
            var index = parse.GetValue(checkIndex);
            var path = index is { } n ? client.Namespaced(job.Route + "/register", ("index", n.ToString(System.Globalization.CultureInfo.InvariantCulture))) : client.Namespaced(job.Route + "/register");
            JobRegisterResponse registered;
            try
            {
                registered = await client.PostManifestAsync<JobRegisterResponse>(path, job.Text, ct);
            }
            catch (CommandException e) when (e.AgentCode == "Conflict" && index is not null)
            {
                throw new CommandException(index == 0
                    ? $"job '{job.Job.Metadata.Name}' already exists, so -check-index 0 refused to register it ({e.Message}); run `recon job plan {job.Path}` for the current index."
                    : $"-check-index {index} is stale: {e.Message}; run `recon job plan {job.Path}` again and review the changes.");
            }
            if (parse.GetValue(detach))
            {
                session.Out.WriteLine("Job registration successful");
                session.Out.WriteLine($"Evaluation ID: {registered.EvaluationId}");
                return 0;
            }
            return await new EvaluationMonitor(session, client, wait).MonitorAsync(job.Job.Metadata.Name, registered.EvaluationId, ct);
        });
        return command;
    }

    private static TimeSpan ParseTimeout(string? text) =>
        text is null ? TimeSpan.FromSeconds(30)
        : Duration.TryParse(text, out var value) && value > TimeSpan.Zero ? value
        : throw new CommandException($"-start-timeout '{text}' is not a duration; pass e.g. 30s or 2m.");
}
