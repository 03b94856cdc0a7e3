using System.CommandLine;
using System.Globalization;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Allocations;

/// <summary><c>recon alloc logs [-f] [-stderr] [-tail] [-n N] ALLOC|JOB [TASK]</c>: a task's output, followed with <c>-f</c> until Ctrl-C.</summary>
public static class AllocLogsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var id = new Argument<string>("ALLOC") { Description = "An allocation id, a prefix of one, or a job name." };
        var task = new Argument<string?>("TASK") { Description = "The task; may be left out when the group has one.", Arity = ArgumentArity.ZeroOrOne };
        var follow = new Option<bool>("-f", "--follow", "-follow") { Description = "Keep printing new output until Ctrl-C." };
        var stderr = NomadFlag.Create<bool>("stderr", "Print stderr instead of stdout.");
        var tail = NomadFlag.Create<bool>("tail", "Print only the end of the log (10 lines unless -n says otherwise).");
        var lines = new Option<int?>("-n", "--lines") { Description = "With -tail, how many lines from the end." };
        var command = new Command("logs", "Print (and follow) a task's stdout or stderr.") { id, task, follow, stderr, tail, lines };
        var remote = RemoteOptions.AddTo(command, shortNamespace: false);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            int? count = parse.GetValue(tail) || parse.GetValue(lines) is not null ? parse.GetValue(lines) ?? 10 : null;
            var path = client.Namespaced($"/v1/client/allocation/{Uri.EscapeDataString(parse.GetRequiredValue(id))}/logs",
                ("task", parse.GetValue(task)),
                ("type", parse.GetValue(stderr) ? "stderr" : "stdout"),
                ("follow", parse.GetValue(follow) ? "true" : null),
                ("tail", count?.ToString(CultureInfo.InvariantCulture)));
            try
            {
                await client.StreamTextAsync(path, session.Out, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl-C ends a followed log; that is the normal way out.
            }
            return 0;
        });
        return command;
    }
}
