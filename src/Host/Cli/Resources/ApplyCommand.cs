using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Resources;

/// <summary><c>recon apply -f FILE|DIR [--dry-run] [--prune -l SELECTOR]</c>: kubectl apply against the agent; all or nothing.</summary>
public static class ApplyCommand
{
    /// <summary>The <c>-f</c> option apply, delete and diff share.</summary>
    public static Option<string[]> FilesOption() => new("--filename", "-f")
    {
        Description = "A manifest file or a directory of them (searched recursively); repeatable.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var files = FilesOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be created, configured, unchanged or pruned; change nothing." };
        var prune = new Option<bool>("--prune") { Description = "Delete objects applied earlier that match -l and are no longer in the manifests." };
        var selector = new Option<string?>("--selector", "-l") { Description = "The set of objects this apply owns, for --prune, e.g. -l app=web." };
        var command = new Command("apply", "Create or update objects from manifests, as kubectl apply.") { files, dryRun, prune, selector };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(prune) && parse.GetValue(selector) is null)
                throw new CommandException("--prune needs -l SELECTOR naming the objects this apply owns, e.g. --prune -l app=web.");
            var request = new ApplyRequest
            {
                Files = ManifestPaths.Read(parse.GetValue(files) ?? []),
                DryRun = parse.GetValue(dryRun),
                Prune = parse.GetValue(prune),
                Selector = parse.GetValue(selector),
            };
            using var client = remote.Connect(parse, session.Environment);
            ChangePrinter.Print(session.Out, await client.ApplyAsync(request, ct));
            return 0;
        });
        return command;
    }
}
