using System.CommandLine;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Deployments;

/// <summary><c>recon deployment promote [-group G]... ID</c>: promotes the canaries of a deployment (of some groups only with <c>-group</c>).</summary>
public static class DeploymentPromoteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var id = new Argument<string>("ID") { Description = "The deployment's id or an unambiguous prefix." };
        var groups = NomadFlag.Create<string[]>("group", "Promote only this task group's canaries (repeatable); every group when left out.");
        groups.AllowMultipleArgumentsPerToken = false;
        var command = new Command("promote", "Promote a deployment's canaries.") { id, groups };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var deployment = await DeploymentLookup.GetAsync(client, parse.GetRequiredValue(id), ct);
            await PromoteAsync(session, client, deployment["metadata"]!["name"]!.GetValue<string>(), parse.GetValue(groups), ct);
            return 0;
        });
        return command;
    }

    /// <summary>Promotes the deployment <paramref name="name"/> and prints what it is doing now.</summary>
    public static async Task PromoteAsync(CliSession session, ReconApiClient client, string name, IReadOnlyList<string>? groups, CancellationToken cancellationToken)
    {
        var promoted = Typed.As<Deployment>(await client.PostAsync<JsonObject>(client.Namespaced(DeploymentLookup.Route(name) + "/promote"), new PromoteRequest(groups), cancellationToken));
        session.Out.WriteLine($"Deployment \"{name}\" promoted{(groups is { Count: > 0 } ? $" (groups {string.Join(", ", groups)})" : "")}: {promoted.Status.Description}");
    }
}
