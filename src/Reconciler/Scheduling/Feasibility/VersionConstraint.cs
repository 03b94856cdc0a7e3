using System.Collections.Concurrent;
using System.Globalization;

namespace Reconciler.Scheduling.Feasibility;

/// <summary>
/// A version constraint such as <c>&gt;= 1.2, &lt; 2.0</c> or <c>~&gt; 1.4</c> (every comma-separated clause must hold),
/// compared segment by segment numerically; a pre-release (<c>1.2.0-beta</c>) sorts before its release.
/// </summary>
public sealed class VersionConstraint
{
    private static readonly ConcurrentDictionary<string, VersionConstraint?> Parsed = new(StringComparer.Ordinal);
    private static readonly string[] Operators = ["~>", ">=", "<=", "!=", "==", ">", "<", "="];
    private readonly IReadOnlyList<(string Op, Version Version, int Segments)> _clauses;

    private VersionConstraint(IReadOnlyList<(string, Version, int)> clauses) => _clauses = clauses;

    /// <summary>The constraint in <paramref name="text"/>, or null when it cannot be read.</summary>
    public static VersionConstraint? Parse(string text) => Parsed.GetOrAdd(text, static t =>
    {
        var clauses = new List<(string, Version, int)>();
        foreach (var raw in t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var op = Operators.FirstOrDefault(o => raw.StartsWith(o, StringComparison.Ordinal)) ?? "=";
            var rest = raw.StartsWith(op, StringComparison.Ordinal) ? raw[op.Length..].Trim() : raw;
            if (Version.TryRead(rest) is not { } version) return null;
            clauses.Add((op, version, version.Segments.Count));
        }
        return clauses.Count == 0 ? null : new VersionConstraint(clauses);
    });

    /// <summary>True when <paramref name="version"/> satisfies every clause; false when it is not a version.</summary>
    public bool IsSatisfiedBy(string version)
    {
        if (Version.TryRead(version) is not { } actual) return false;
        foreach (var (op, bound, segments) in _clauses)
        {
            var c = actual.CompareTo(bound);
            var holds = op switch
            {
                ">=" => c >= 0,
                "<=" => c <= 0,
                ">" => c > 0,
                "<" => c < 0,
                "!=" => c != 0,
                "~>" => c >= 0 && actual.CompareTo(bound.PessimisticCeiling(segments)) < 0,
                _ => c == 0,
            };
            if (!holds) return false;
        }
        return true;
    }

    private sealed record Version(IReadOnlyList<long> Segments, string? PreRelease) : IComparable<Version>
    {
        public static Version? TryRead(string text)
        {
            var trimmed = text.Trim().TrimStart('v');
            var dash = trimmed.IndexOfAny(['-', '+']);
            var core = dash < 0 ? trimmed : trimmed[..dash];
            var pre = dash >= 0 && trimmed[dash] == '-' ? trimmed[(dash + 1)..] : null;
            var segments = new List<long>();
            foreach (var part in core.Split('.'))
            {
                if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
                segments.Add(n);
            }
            return segments.Count == 0 ? null : new Version(segments, pre);
        }

        // ~> 1.2 allows < 2.0; ~> 1.2.3 allows < 1.3.0.
        public Version PessimisticCeiling(int written)
        {
            var keep = Math.Max(1, written - 1);
            var ceiling = Segments.Take(keep).ToList();
            ceiling[^1]++;
            return new Version(ceiling, null);
        }

        public int CompareTo(Version? other)
        {
            if (other is null) return 1;
            for (var i = 0; i < Math.Max(Segments.Count, other.Segments.Count); i++)
            {
                var c = Segment(i).CompareTo(other.Segment(i));
                if (c != 0) return c;
            }
            return (PreRelease, other.PreRelease) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                _ => string.CompareOrdinal(PreRelease, other.PreRelease),
            };
        }

        private long Segment(int i) => i < Segments.Count ? Segments[i] : 0;
    }
}
