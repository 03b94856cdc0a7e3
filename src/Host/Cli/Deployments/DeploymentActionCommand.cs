using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Deployments;

/// <summary><c>recon deployment pause|resume|fail ID</c>: one operator command on a deployment, then its new status line.</summary>
public static class DeploymentActionCommand
{
    /// <summary>Builds the command <paramref name="action"/> (the route's last segment), described by <paramref name="description"/>.</summary>
    public static Command Create(CliSession session, string action, string description)
    {
        var id = new Argument<string>("ID") { Description = "The deployment's id or an unambiguous prefix, as `recon deployment list` prints it." };
        var command = new Command(action, description) { id };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var deployment = await DeploymentLookup.GetAsync(client, parse.GetRequiredValue(id), ct);
            var name = deployment["metadata"]!["name"]!.GetValue<string>();
            var changed = Typed.As<Deployment>(await client.PostAsync<JsonObject>(client.Namespaced(DeploymentLookup.Route(name) + "/" + action), null, ct));
            session.Out.WriteLine($"Deployment \"{name}\" {DeploymentView.State(changed)}: {changed.Status.Description}");
            return 0;
        });
        return command;
    }
}
