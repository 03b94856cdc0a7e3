namespace Reconciler.Resources.Diagnostics;

/// <summary>
/// Finds the known name a person most likely meant, for "did you mean …?" hints. Names that differ
/// only in case or in snake_case versus camelCase (Nomad's HCL habit) are matched first.
/// </summary>
public static class SpellingSuggestion
{
    /// <summary>The closest candidate, or null when none is close enough to be a helpful guess.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var normalized = Normalize(input);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Normalize(candidate) == normalized) return candidate;
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        var allowed = Math.Max(2, input.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>A hint "did you mean X?" or null when nothing is close.</summary>
    public static string? Hint(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } match ? $"did you mean {match}?" : null;

    /// <summary>
    /// The edit distance between two strings (optimal string alignment): insertions, deletions,
    /// substitutions, and a swap of neighbours counted as one edit, the commonest typo.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
