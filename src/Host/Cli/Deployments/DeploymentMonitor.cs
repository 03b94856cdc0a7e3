using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Jobs;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Reconciler.Host.Cli.Deployments;

/// <summary>
/// Follows a deployment until it ends, with blocking queries on its job's deployments (no polling sleeps): a Spectre
/// live display of its summary and per-group table on a terminal; when the output is redirected, a line for its state
/// and for each group whose figures changed.
/// </summary>
public sealed class DeploymentMonitor(CliSession session, ReconApiClient client)
{
    /// <summary>
    /// Follows <paramref name="deployment"/> until it ends, leaving its final status on screen (the live display's last
    /// frame, or the status table after the lines); returns it as it ended.
    /// </summary>
    public async Task<Deployment> FollowAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        if (!session.Environment.IsTerminal) return await FollowPlainAsync(deployment, cancellationToken);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(session.Out) });
        var current = deployment;
        await console.Live(Render(current)).StartAsync(async live =>
        {
            await foreach (var next in ChangesAsync(deployment, cancellationToken))
            {
                current = next;
                live.UpdateTarget(Render(current));
            }
        });
        return current;
    }

    private async Task<Deployment> FollowPlainAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        WriteChanges(null, deployment);
        var current = deployment;
        await foreach (var next in ChangesAsync(deployment, cancellationToken))
        {
            WriteChanges(current, next);
            current = next;
        }
        session.Out.WriteLine();
        DeploymentStatusCommand.Print(session, current);
        return current;
    }

    private void WriteChanges(Deployment? shown, Deployment current)
    {
        foreach (var line in DeploymentView.ProgressLines(shown, current)) session.Out.WriteLine($"    {EvaluationMonitor.Now()}: {line}");
    }

    // Each change of the deployment until it has ended; the deployment's own index tells a change from another write.
    private async IAsyncEnumerable<Deployment> ChangesAsync(Deployment deployment, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = deployment.Metadata.ResourceVersion;
        var path = JobRoute.Of(deployment.Spec.Job) + "/deployments";
        for (var index = seen; !DeploymentView.HasEnded(deployment);)
        {
            var list = await client.GetAsync<ResourceList>(client.Namespaced(path, ("index", index.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("wait", "30s")), cancellationToken);
            index = list.Index;
            var found = Typed.All<Deployment>(list.Items).FirstOrDefault(d => d.Metadata.Name == deployment.Metadata.Name)
                ?? throw new CommandException($"Deployment '{deployment.Metadata.Name}' is gone (its job was purged).");
            if (found.Metadata.ResourceVersion == seen) continue;
            seen = found.Metadata.ResourceVersion;
            deployment = found;
            yield return found;
        }
    }

    private static IRenderable Render(Deployment deployment)
    {
        var summary = new Grid().AddColumn().AddColumn().AddColumn();
        foreach (var row in DeploymentView.Summary(deployment)) summary.AddRow([.. row.Select(c => new Text(c))]);
        var groups = new Table().Border(TableBorder.Simple);
        foreach (var header in DeploymentView.GroupHeaders) groups.AddColumn(new TableColumn(Markup.Escape(header)));
        foreach (var row in DeploymentView.Groups(deployment)) groups.AddRow([.. row.Select(c => (IRenderable)new Text(c))]);
        return new Rows(summary, new Text(""), new Text("Deployed"), groups);
    }
}
