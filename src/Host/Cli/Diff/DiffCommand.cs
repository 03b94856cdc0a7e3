using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;
using Reconciler.Host.Cli.Resources;

namespace Reconciler.Host.Cli.Diff;

/// <summary>
/// <c>recon diff -f FILE|DIR</c>: what an apply would change, as a unified diff of the live and the applied YAML (user
/// fields only; secret values never shown). Exit 0 when nothing would change, 1 when something would, 2 on error — as kubectl diff.
/// </summary>
public static class DiffCommand
{
    /// <summary>Exit code when the manifests differ from the live objects.</summary>
    public const int DiffersExitCode = 1;

    /// <summary>Exit code on an error, since 1 means "differs".</summary>
    public const int ErrorExitCode = 2;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var files = ApplyCommand.FilesOption();
        var prune = new Option<bool>("--prune") { Description = "Also show objects --prune would delete." };
        var selector = new Option<string?>("--selector", "-l") { Description = "The set of objects the apply owns, for --prune." };
        var command = new Command("diff", "Show what apply would change; exit 0 when nothing, 1 when something.") { files, prune, selector };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var request = new ApplyRequest
                {
                    Files = ManifestPaths.Read(parse.GetValue(files) ?? []),
                    DryRun = true,
                    Diff = true,
                    Prune = parse.GetValue(prune),
                    Selector = parse.GetValue(selector),
                };
                using var client = remote.Connect(parse, session.Environment);
                var response = await client.ApplyAsync(request, ct);
                var differs = false;
                foreach (var change in response.Objects.Where(c => c.Action != ChangeActions.Unchanged))
                {
                    differs = true;
                    Write(session.Out, change);
                }
                return differs ? DiffersExitCode : 0;
            }
            catch (CommandException e) when (e.ExitCode != ErrorExitCode)
            {
                throw e.WithExitCode(ErrorExitCode);
            }
        });
        return command;
    }

    private static void Write(TextWriter output, ObjectChange change)
    {
        var text = UnifiedDiff.Create(change.Live ?? "", change.Desired ?? "", $"live/{change.Key}", $"manifest/{change.Key}");
        // Redacted values read the same on both sides: a change only to secret values shows as this line instead.
        output.Write(text.Length > 0 ? text : $"~ {change.Key}: differs only in secret values (not shown) or in the last-applied record\n");
    }
}
