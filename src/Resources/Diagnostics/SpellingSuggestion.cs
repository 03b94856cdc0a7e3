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

    /// <summary>The Levenshtein edit distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
}
