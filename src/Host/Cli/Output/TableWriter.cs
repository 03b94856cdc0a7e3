using Spectre.Console;
using Spectre.Console.Rendering;

namespace Reconciler.Host.Cli.Output;

/// <summary>
/// Writes rows under headers: a Spectre.Console table on a terminal, plain columns aligned with two spaces when the
/// output is redirected (so <c>grep</c>, <c>awk</c> and tests read it as kubectl's output).
/// </summary>
public static class TableWriter
{
    /// <summary>Writes the table to the session's output.</summary>
    public static void Write(CliSession session, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (session.Environment.IsTerminal) WriteTable(session.Out, headers, rows);
        else WritePlain(session.Out, headers, rows);
    }

    /// <summary>Rows as plain aligned columns, the last one unpadded.</summary>
    public static void WritePlain(TextWriter output, IReadOnlyList<string>? headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        IReadOnlyList<IReadOnlyList<string>> all = headers is null ? rows : [headers, .. rows];
        if (all.Count == 0) return;
        var columns = all.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(c => all.Max(r => c < r.Count ? r[c].Length : 0)).ToArray();
        foreach (var row in all)
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers) table.AddColumn(new TableColumn(Markup.Escape(header)));
        foreach (var row in rows) table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        console.Write(table);
    }
}
