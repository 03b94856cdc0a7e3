using System.CommandLine;
using Reconciler.Host.Api.Contracts;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Resources;

/// <summary><c>recon delete -f FILE|DIR</c>: deletes the objects manifests name, namespaces last, as kubectl delete -f.</summary>
public static class DeleteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var files = ApplyCommand.FilesOption();
        var command = new Command("delete", "Delete the objects named in manifests.") { files };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            var request = new ApplyRequest { Files = ManifestPaths.Read(parse.GetValue(files) ?? []) };
            using var client = remote.Connect(parse, session.Environment);
            ChangePrinter.Print(session.Out, await client.DeleteManifestsAsync(request, ct));
            return 0;
        });
        return command;
    }
}
