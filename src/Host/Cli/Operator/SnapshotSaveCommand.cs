using System.CommandLine;
using Reconciler.Host.Cli.Remote;

namespace Reconciler.Host.Cli.Operator;

/// <summary><c>recon operator snapshot save FILE</c>: streams a snapshot of a running agent's state to a file.</summary>
public static class SnapshotSaveCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliSession session)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the snapshot, e.g. disco.snap." };
        var command = new Command("save", "Save a snapshot of the agent's whole state to a file.") { file };
        var remote = RemoteOptions.AddTo(command, namespaced: false);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var partial = path.FullName + ".partial";
            using var client = remote.Connect(parse, session.Environment);
            try
            {
                await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
                    await client.SaveSnapshotAsync(stream, ct);
                File.Move(partial, path.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(partial);
            }
            await session.Out.WriteLineAsync($"State file written to {path.FullName}");
            return 0;
        });
        return command;
    }
}
