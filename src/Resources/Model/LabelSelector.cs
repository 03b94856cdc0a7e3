namespace Reconciler.Resources.Model;

/// <summary>
/// A Kubernetes-style label selector: comma-separated requirements that must all hold —
/// <c>app=web</c>, <c>tier!=db</c>, <c>env in (prod,staging)</c>, <c>env notin (dev)</c>, <c>canary</c>, <c>!canary</c>.
/// </summary>
public sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements, string text)
    {
        _requirements = requirements;
        Text = text;
    }

    /// <summary>A selector that matches everything.</summary>
    public static LabelSelector Everything { get; } = new([], "");

    /// <summary>The selector as written.</summary>
    public string Text { get; }

    /// <summary>True when every requirement holds for <paramref name="labels"/>.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var r in _requirements)
        {
            var present = labels.TryGetValue(r.Key, out var value);
            var ok = r.Operator switch
            {
                SelectorOperator.Exists => present,
                SelectorOperator.DoesNotExist => !present,
                SelectorOperator.In => present && r.Values.Contains(value!),
                SelectorOperator.NotIn => !present || !r.Values.Contains(value!),
                _ => false,
            };
            if (!ok) return false;
        }
        return true;
    }

    /// <summary>A selector requiring each pair to be present with that value.</summary>
    public static LabelSelector FromEquals(IReadOnlyDictionary<string, string> labels) =>
        new([.. labels.Select(l => new Requirement(l.Key, SelectorOperator.In, [l.Value]))],
            string.Join(",", labels.Select(l => $"{l.Key}={l.Value}")));

    /// <summary>Parses a selector; throws <see cref="FormatException"/> saying where it went wrong.</summary>
    public static LabelSelector Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Everything;
        var requirements = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            var p = part.Trim();
            if (p.Length == 0) throw new FormatException($"Label selector '{text}' has an empty requirement; remove the extra comma.");
            requirements.Add(ParseRequirement(p, text));
        }
        return new LabelSelector(requirements, text);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static Requirement ParseRequirement(string p, string text)
    {
        if (p.StartsWith('!')) return new Requirement(CheckKey(p[1..].Trim(), text), SelectorOperator.DoesNotExist, []);
        foreach (var (token, op) in new[] { (" notin ", SelectorOperator.NotIn), (" in ", SelectorOperator.In) })
        {
            var at = p.IndexOf(token, StringComparison.Ordinal);
            if (at < 0) continue;
            var set = p[(at + token.Length)..].Trim();
            if (!set.StartsWith('(') || !set.EndsWith(')'))
                throw new FormatException($"Label selector '{text}': the values of '{p}' must be in parentheses, e.g. env in (prod,staging).");
            var values = set[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            return new Requirement(CheckKey(p[..at].Trim(), text), op, values);
        }
        var neq = p.IndexOf("!=", StringComparison.Ordinal);
        if (neq >= 0) return new Requirement(CheckKey(p[..neq].Trim(), text), SelectorOperator.NotIn, [p[(neq + 2)..].Trim()]);
        var eq = p.IndexOf('=');
        if (eq >= 0)
        {
            var value = p[(eq + 1)..].TrimStart('=').Trim();
            return new Requirement(CheckKey(p[..eq].Trim(), text), SelectorOperator.In, [value]);
        }
        return new Requirement(CheckKey(p, text), SelectorOperator.Exists, []);
    }

    private static string CheckKey(string key, string text) =>
        key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or ',' or '=' or '!')
            ? throw new FormatException($"Label selector '{text}': '{key}' is not a label key.")
            : key;

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    private enum SelectorOperator { Exists, DoesNotExist, In, NotIn }

    private sealed record Requirement(string Key, SelectorOperator Operator, HashSet<string> Values);
}
