using System.CommandLine;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job inspect JOB</c> (and <c>recon inspect JOB</c>): the registered job, YAML by default, secret values redacted.</summary>
public static class JobInspectCommand
{
    /// <summary>Builds the command as <paramref name="name"/> (<c>inspect</c> under <c>job</c> and at the top).</summary>
    public static Command Create(CliSession session, string name = "inspect")
    {
        var job = new Argument<string>("JOB") { Description = "The job's name." };
        var format = OutputFormatOption.Create();
        var command = new Command(name, "Show a registered job as YAML (or -o json).") { job, format };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var found = await JobLookup.GetAsync(client, parse.GetRequiredValue(job), ct);
            var output = parse.GetValue(format);
            ObjectPrinter.Print(session, found, output == OutputFormat.Table ? OutputFormat.Yaml : output, true);
            return 0;
        });
        return command;
    }
}
