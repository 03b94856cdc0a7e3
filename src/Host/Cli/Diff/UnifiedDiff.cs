using System.Text;

namespace Reconciler.Host.Cli.Diff;

/// <summary>
/// A line diff in the unified format (<c>---</c>/<c>+++</c> headers, <c>@@</c> hunks with three lines of context),
/// from a longest-common-subsequence table: manifests are small, so clarity wins over Myers' speed.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/>; empty when they are equal.</summary>
    public static string Create(string before, string after, string beforeName, string afterName)
    {
        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);
        if (edits.All(e => e.Op == ' ')) return "";
        var text = new StringBuilder();
        text.Append("--- ").AppendLine(beforeName).Append("+++ ").AppendLine(afterName);
        foreach (var (start, end) in Hunks(edits)) AppendHunk(text, edits, start, end);
        return text.ToString();
    }

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private static List<(char Op, string Line, int A, int B)> Edits(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var edits = new List<(char, string, int, int)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) edits.Add((' ', a[x++], x, ++y));
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) edits.Add(('-', a[x++], x, y));
            else edits.Add(('+', b[y++], x, y));
        }
        return edits;
    }

    // Ranges of edits to show: every change with up to three unchanged lines around it, touching ranges merged.
    private static IEnumerable<(int Start, int End)> Hunks(List<(char Op, string Line, int A, int B)> edits)
    {
        (int Start, int End)? current = null;
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Op == ' ') continue;
            var start = Math.Max(0, i - Context);
            var end = Math.Min(edits.Count, i + Context + 1);
            if (current is { } c && start <= c.End) current = (c.Start, end);
            else
            {
                if (current is { } done) yield return done;
                current = (start, end);
            }
        }
        if (current is { } last) yield return last;
    }

    private static void AppendHunk(StringBuilder text, List<(char Op, string Line, int A, int B)> edits, int start, int end)
    {
        var slice = edits.GetRange(start, end - start);
        var aCount = slice.Count(e => e.Op != '+');
        var bCount = slice.Count(e => e.Op != '-');
        var aStart = slice.Where(e => e.Op != '+').Select(e => e.A).DefaultIfEmpty(slice[0].A).First();
        var bStart = slice.Where(e => e.Op != '-').Select(e => e.B).DefaultIfEmpty(slice[0].B).First();
        text.Append("@@ -").Append(aStart).Append(',').Append(aCount)
            .Append(" +").Append(bStart).Append(',').Append(bCount).AppendLine(" @@");
        foreach (var edit in slice) text.Append(edit.Op).AppendLine(edit.Line);
    }
}
