using System.CommandLine;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Operator;

/// <summary><c>recon operator snapshot restore FILE</c>: replaces a running agent's state with a snapshot (verified by the agent first).</summary>
public static class SnapshotRestoreCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A snapshot written by `recon operator snapshot save`." };
        var format = OutputFormatOption.Create();
        var command = new Command("restore", "Restore the agent's whole state from a snapshot; a corrupt one changes nothing.") { file, format };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
                throw new CommandException($"snapshot file {path.FullName} does not exist; pass the path `recon operator snapshot save` wrote.");
            using var client = remote.Connect(parse, session.Environment);
            await using var stream = path.OpenRead();
            var info = await client.RestoreSnapshotAsync(stream, ct);
            await session.Out.WriteLineAsync("Snapshot restored.");
            await SnapshotInspectCommand.WriteAsync(session.Out, info, parse.GetValue(format));
            return 0;
        });
        return command;
    }
}
