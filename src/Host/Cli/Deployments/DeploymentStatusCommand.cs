using System.CommandLine;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Deployments;

/// <summary>
/// <c>recon deployment status [-monitor] ID</c>: a deployment's summary and per-group progress; with <c>-monitor</c> it
/// follows the deployment until it ends (a live table on a terminal, a line per change otherwise).
/// </summary>
public static class DeploymentStatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var id = new Argument<string>("ID") { Description = "The deployment's id or an unambiguous prefix, as `recon deployment list` prints it." };
        var monitor = NomadFlag.Create<bool>("monitor", "Follow the deployment until it ends.");
        var format = OutputFormatOption.Create();
        var command = new Command("status", "Show a deployment's progress.") { id, monitor, format };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var json = await DeploymentLookup.GetAsync(client, parse.GetRequiredValue(id), ct);
            var output = parse.GetValue(format);
            if (output != OutputFormat.Table)
            {
                ObjectPrinter.Print(session, json, output, true);
                return 0;
            }
            var deployment = Typed.As<Deployment>(json);
            if (!parse.GetValue(monitor))
            {
                Print(session, deployment);
                return 0;
            }
            var ended = await new DeploymentMonitor(session, client).FollowAsync(deployment, ct);
            return ended.Status.State == DeploymentState.Failed ? 1 : 0;
        });
        return command;
    }

    /// <summary>Prints the summary and the per-group table.</summary>
    public static void Print(CliSession session, Deployment deployment)
    {
        TableWriter.WritePlain(session.Out, null, DeploymentView.Summary(deployment));
        session.Out.WriteLine();
        session.Out.WriteLine("Deployed");
        TableWriter.Write(session, DeploymentView.GroupHeaders, DeploymentView.Groups(deployment));
    }
}
