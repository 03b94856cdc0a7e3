using System.CommandLine;
using System.Globalization;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Output;
using Reconciler.Host.Cli.Remote;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.GitOps;

/// <summary>
/// <c>recon gitops status</c>: what the agent's GitOps sync last did — when, at which commit (or content hash), how
/// many objects it applied and pruned, what it wrote, and the error that keeps the latest revision from applying.
/// </summary>
public static class GitOpsCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session)
    {
        var format = OutputFormatOption.Create();
        var status = new Command("status", "Show the GitOps sync's last sync, revision and error.") { format };
        var remote = RemoteOptions.AddTo(status, namespaced: false);
        status.SetAction(async (parse, ct) =>
        {
            using var client = remote.Connect(parse, session.Environment);
            var gitops = await client.GetAsync<GitOpsStatus>("/v1/gitops", ct);
            if (parse.GetValue(format) is var output && output != OutputFormat.Table)
                session.Out.WriteLine(OutputFormatOption.Render(gitops, output));
            else if (!gitops.Enabled)
                throw new CommandException("GitOps sync is not enabled on this agent; add [gitops] enabled = true and path = \"DIR\" to a server's config.");
            else
                Print(session, gitops);
            return 0;
        });
        return new Command("gitops", "Show the GitOps sync of a directory of manifests ([gitops] in the agent config).") { status };
    }

    private static void Print(CliSession session, GitOpsStatus status)
    {
        var sync = status.LastSync;
        TableWriter.WritePlain(session.Out, null, [
            ["Path", "=", status.Path ?? ""],
            ["Leading", "=", status.Leading ? "true" : "false (only the leading server syncs)"],
            ["Prune", "=", status.Prune ? "true" : "false"],
            ["Interval", "=", status.Interval is { } interval ? Duration.Format(interval) : ""],
            ["Last Sync", "=", sync is null ? "<none>" : Time(sync.At)],
            ["Revision", "=", sync?.Revision.ToString() ?? "<none>"],
            ["Objects", "=", Count(sync?.Objects)],
            ["Last Change", "=", status.LastChange is { } change ? $"{Time(change.At)} at {change.Revision}: {change.Applied} applied, {change.Pruned} pruned" : "<none>"],
            ["Last Error", "=", status.LastError is { } error ? $"{Time(error.At)} at {error.Revision?.ToString() ?? "(unread)"}" : "<none>"],
        ]);
        if (status.LastChange is { Changes.Count: > 0 } last)
        {
            session.Out.WriteLine();
            TableWriter.Write(session, ["OBJECT", "ACTION"], [.. last.Changes.Select(c => (IReadOnlyList<string>)[c.Key, c.Action])]);
        }
        if (status.LastError is { } failed)
        {
            session.Out.WriteLine();
            session.Out.WriteLine($"Error: {failed.Message}");
            foreach (var detail in failed.Details) session.Out.WriteLine($"  {detail}");
        }
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "<none>";
}
