using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Deployments;

/// <summary><c>recon deployment list</c>: the deployments of the namespace (<c>-n '*'</c> for all), newest first.</summary>
public static class DeploymentListCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var format = OutputFormatOption.Create();
        var command = new Command("list", "List deployments.") { format };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var list = await client.GetAsync<ResourceList>(client.Namespaced("/v1/deployments"), ct);
            var items = list.Items.OrderByDescending(d => d["metadata"]?["resourceVersion"]?.GetValue<long>() ?? 0).ToList();
            var output = parse.GetValue(format);
            if (output != OutputFormat.Table) ObjectPrinter.Print(session, items, output, false, "");
            else if (items.Count == 0) session.Out.WriteLine($"No deployments found in namespace {client.Settings.Namespace}");
            else TableWriter.Write(session, ["ID", "Job ID", "Job Version", "Status", "Description"],
                [.. Typed.All<Deployment>(items).Select(d => (IReadOnlyList<string>)
                    [d.Metadata.Name, d.Spec.Job, d.Spec.JobVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), DeploymentView.State(d), d.Status.Description ?? ""])]);
            return 0;
        });
        return command;
    }
}
