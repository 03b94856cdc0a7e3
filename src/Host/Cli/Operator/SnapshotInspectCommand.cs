using System.CommandLine;
using System.Globalization;
using Reconciler.Host.Cli.Output;
using Reconciler.Store;
using Reconciler.Store.Snapshots;

namespace Reconciler.Host.Cli.Operator;

/// <summary>
/// <c>recon operator snapshot inspect FILE</c>: what a snapshot file holds — revision, time, size and
/// a count per kind — read offline, verifying its checksum. Never prints object contents.
/// </summary>
public static class SnapshotInspectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A snapshot written by `recon operator snapshot save`." };
        var format = OutputFormatOption.Create();
        var command = new Command("inspect", "Show a snapshot's revision, creation time, size and objects per kind.") { file, format };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await error.WriteLineAsync($"Error: snapshot file {path.FullName} does not exist; pass the path `recon operator snapshot save` wrote.");
                return 1;
            }
            SnapshotInfo info;
            try
            {
                await using var stream = path.OpenRead();
                info = await SnapshotFile.InspectAsync(stream, ct);
            }
            catch (SnapshotFormatException ex)
            {
                await error.WriteLineAsync($"Error: {path.Name}: {ex.Message}");
                return 1;
            }
            await WriteAsync(output, info, parse.GetValue(format));
            return 0;
        });
        return command;
    }

    /// <summary>Prints what a snapshot holds, as a table or in <paramref name="format"/>.</summary>
    public static Task WriteAsync(TextWriter output, SnapshotInfo info, OutputFormat format)
    {
        if (format != OutputFormat.Table)
            return output.WriteLineAsync(OutputFormatOption.Render(info, format));

        var rows = new List<(string, string)>
        {
            ("Format", info.FormatVersion.ToString(CultureInfo.InvariantCulture)),
            ("Revision", info.Revision.ToString(CultureInfo.InvariantCulture)),
            ("Created", info.CreatedAt.ToString("u", CultureInfo.InvariantCulture)),
            ("Size", ByteSize.Format(info.SizeBytes)),
        };
        var text = new StringWriter();
        WriteColumns(text, rows);
        text.WriteLine();
        WriteColumns(text, [("Kind", "Count"), .. info.CountsByKind.OrderBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => (k.Key, k.Value.ToString(CultureInfo.InvariantCulture)))]);
        return output.WriteAsync(text.ToString());
    }

    private static void WriteColumns(TextWriter writer, IReadOnlyList<(string Left, string Right)> rows) =>
        TableWriter.WritePlain(writer, null, [.. rows.Select(r => (IReadOnlyList<string>)[r.Left, r.Right])]);
}
