using System.CommandLine;

namespace Reconciler.Host.Cli.Operator;

/// <summary><c>recon operator</c>: cluster-wide maintenance, as <c>nomad operator</c>.</summary>
public static class OperatorCommand
{
    /// <summary>Builds the command with its subcommands.</summary>
    public static Command Create(CliSession session) =>
        new("operator", "Cluster maintenance: snapshots.")
        {
            new Command("snapshot", "Save, inspect and restore snapshots of the whole state.")
            {
                SnapshotSaveCommand.Create(session),
                SnapshotInspectCommand.Create(session.Out, session.Error),
                SnapshotRestoreCommand.Create(session),
            },
        };
}
