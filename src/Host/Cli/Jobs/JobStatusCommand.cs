using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Deployments;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Kinds;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job status [JOB]</c>: every job of the namespace, or one job with its group summary, latest deployment and allocations.</summary>
public static class JobStatusCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var name = new Argument<string?>("JOB") { Description = "A job's name; every job when left out.", Arity = ArgumentArity.ZeroOrOne };
        var format = OutputFormatOption.Create();
        var command = new Command("status", "Show the jobs of a namespace, or one job's status and allocations.") { name, format };
        var remote = RemoteOptions.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var output = parse.GetValue(format);
            if (parse.GetValue(name) is not { } one)
            {
                var list = await client.GetAsync<ResourceList>(client.Namespaced("/v1/jobs"), ct);
                if (output != OutputFormat.Table) ObjectPrinter.Print(session, list.Items, output, false, "");
                else if (list.Items.Count == 0) session.Out.WriteLine($"No running jobs in namespace {client.Settings.Namespace}");
                else TableWriter.Write(session, ["ID", "Type", "Priority", "Status", "Submit Date"], [.. list.Items.Select(Row)]);
                return 0;
            }
            var job = await JobLookup.GetAsync(client, one, ct);
            var allocations = await client.GetAsync<ResourceList>(client.Namespaced(JobRoute.Of(one) + "/allocations"), ct);
            var deployments = await client.GetAsync<ResourceList>(client.Namespaced(JobRoute.Of(one) + "/deployments"), ct);
            if (output != OutputFormat.Table)
            {
                session.Out.WriteLine(OutputFormatOption.Render(new { job, allocations = allocations.Items, deployments = deployments.Items }, output));
                return 0;
            }
            Print(session, Typed.As<Job>(job), Typed.All<Allocation>(allocations.Items), Typed.All<Deployment>(deployments.Items).MaxBy(d => d.Spec.JobVersion));
            return 0;
        });
        return command;
    }

    // The list's five columns are read straight from the JSON: reading whole Job records would cost a short-lived CLI
    // process more (System.Text.Json building the model's metadata) than everything else it does.
    private static IReadOnlyList<string> Row(JsonObject job)
    {
        var state = job["status"]?["state"]?.GetValue<string>() ?? "pending";
        return
        [
            job["metadata"]?["name"]?.GetValue<string>() ?? "",
            job["spec"]?["type"]?.GetValue<string>() ?? "",
            job["spec"]?["priority"]?.GetValue<long>() is { } priority ? Text(priority) : "",
            State(state, job["spec"]?["stop"]?.GetValue<bool>() == true),
            Date(job["metadata"]?["createdAt"]?.GetValue<DateTimeOffset>()),
        ];
    }

    private static void Print(CliSession session, Job job, IReadOnlyList<Allocation> allocations, Deployment? deployment)
    {
        var output = session.Out;
        TableWriter.WritePlain(output, null, [
            ["ID", "=", job.Metadata.Name],
            ["Namespace", "=", job.Metadata.Namespace ?? ""],
            ["Type", "=", Lower(job.Spec.Type)],
            ["Priority", "=", Text(job.Spec.Priority)],
            ["Datacenters", "=", string.Join(",", job.Spec.Datacenters)],
            ["Status", "=", State(Lower(job.Status.State), job.Spec.Stop == true)],
            ["Version", "=", Text(job.Metadata.Generation)],
        ]);
        output.WriteLine();
        output.WriteLine("Summary");
        TableWriter.Write(session, ["Task Group", "Queued", "Starting", "Running", "Failed", "Complete", "Lost"],
            [.. job.Spec.Groups.Select(g => job.Status.Summary.GetValueOrDefault(g.Name) is var s and not null
                ? (IReadOnlyList<string>)[g.Name, Text(s.Queued), Text(s.Starting), Text(s.Running), Text(s.Failed), Text(s.Complete), Text(s.Lost)]
                : [g.Name, "0", "0", "0", "0", "0", "0"])]);
        if (deployment is not null)
        {
            output.WriteLine();
            output.WriteLine("Latest Deployment");
            TableWriter.WritePlain(output, null, [["ID", "=", deployment.Metadata.Name], ["Status", "=", DeploymentView.State(deployment)], ["Description", "=", deployment.Status.Description ?? ""]]);
            output.WriteLine();
            output.WriteLine("Deployed");
            TableWriter.Write(session, DeploymentView.GroupHeaders, DeploymentView.Groups(deployment));
        }
        output.WriteLine();
        output.WriteLine("Allocations");
        if (allocations.Count == 0) output.WriteLine("No allocations placed");
        else TableWriter.Write(session, ["ID", "Node", "Task Group", "Version", "Desired", "Status", "Created"],
            [.. allocations.Select(a => (IReadOnlyList<string>)[Typed.Short(a.Metadata.Name), a.Spec.Node, a.Spec.Group, Text(a.Spec.JobVersion),
                Lower(a.Spec.DesiredStatus), Lower(a.Status.ClientStatus), Date(a.Metadata.CreatedAt)])]);
    }

    // As Nomad's: a job stopped by `job stop` is "dead (stopped)", one whose allocations all finished just "dead".
    private static string State(string state, bool stopped) => stopped ? $"{state} (stopped)" : state;

    private static string Lower<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset? at) => at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
}
