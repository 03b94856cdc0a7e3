using System.Collections.Immutable;
using System.Globalization;
using Reconciler.Resources.Diagnostics;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Reconciler.Resources.Agent;

/// <summary>
/// One TOML table being read into a record. Every getter names the key it reads, so the section
/// knows its schema; a missing key gives the fallback, a wrong one gives the fallback and an
/// error at the key's line and column. Nothing throws. <see cref="RejectUnknownKeys"/> then
/// reports every key no getter asked for, with the closest known key as a hint.
/// </summary>
internal sealed class TomlSection
{
    private readonly TomlTable table;
    private readonly ITomlMetadataStore metadata;
    private readonly TomlDiagnostics diagnostics;
    private readonly HashSet<string> knownKeys = new(StringComparer.Ordinal);

    private TomlSection(TomlTable table, string path, ITomlMetadataStore metadata, TomlDiagnostics diagnostics)
    {
        this.table = table;
        this.metadata = metadata;
        this.diagnostics = diagnostics;
        Path = path;
        if (!metadata.TryGetProperties(table, out var properties) || properties is null) return;
        foreach (var key in table.Keys)
        {
            if (properties.TryGetProperty(key, out var property) && property is not null)
                diagnostics.Locate(PathOf(key), property.Span.Start.Line + 1, property.Span.Start.Column + 1);
        }
    }

    /// <summary>The dotted path of this table, e.g. <c>client.host_volume.mysql</c>; empty for the document.</summary>
    public string Path { get; }

    /// <summary>The whole document, read through <paramref name="metadata"/> for key positions.</summary>
    public static TomlSection Root(TomlTable document, ITomlMetadataStore metadata, TomlDiagnostics diagnostics) =>
        new(document, "", metadata, diagnostics);

    /// <summary>The dotted path of <paramref name="key"/> in this table.</summary>
    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>The sub-table <paramref name="key"/>; an empty section when it is absent or not a table.</summary>
    public TomlSection Table(string key) =>
        new(TryGet<TomlTable>(key, "a table", out var child) ? child : new TomlTable(), PathOf(key), metadata, diagnostics);

    /// <summary>
    /// A table whose keys are names the user chose, each holding a table, like
    /// <c>[client.host_volume.mysql]</c>: every key is known, every value must be a table.
    /// </summary>
    public IReadOnlyList<(string Name, TomlSection Section)> NamedTables()
    {
        var sections = new List<(string, TomlSection)>();
        foreach (var name in table.Keys)
        {
            if (TryGet<TomlTable>(name, "a table", out var child))
                sections.Add((name, new TomlSection(child, PathOf(name), metadata, diagnostics)));
        }
        return sections;
    }

    /// <summary>A string, or null when absent.</summary>
    public string? OptionalString(string key) => TryGet<string>(key, "a string", out var value) ? value : null;

    /// <summary>A string, or <paramref name="fallback"/> when absent.</summary>
    public string String(string key, string fallback) => OptionalString(key) ?? fallback;

    /// <summary>One of <paramref name="allowed"/>, matched ignoring case and returned as spelt there.</summary>
    public string Choice(string key, string fallback, params string[] allowed)
    {
        if (OptionalString(key) is not { } value) return fallback;
        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        if (match is not null) return match;
        diagnostics.Report(PathOf(key), $"\"{value}\" is not one of {string.Join(", ", allowed)}", Suggest(value, allowed));
        return fallback;
    }

    /// <summary>A boolean, or <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string key, bool fallback) => TryGet<bool>(key, "a boolean (true or false)", out var value) ? value : fallback;

    /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/>, or <paramref name="fallback"/>.</summary>
    public int Int(string key, int fallback, int min, int max) => OptionalInt(key, min, max) ?? fallback;

    /// <summary>An integer in <paramref name="min"/>..<paramref name="max"/>, or null when absent or wrong.</summary>
    public int? OptionalInt(string key, int min, int max)
    {
        if (!TryGet<long>(key, "an integer", out var value)) return null;
        if (value >= min && value <= max) return (int)value;
        diagnostics.Report(PathOf(key), $"{value} is out of range", $"use a number from {min} to {max}");
        return null;
    }

    /// <summary>A TCP port, 1 to 65535, or <paramref name="fallback"/>.</summary>
    public int Port(string key, int fallback) => Int(key, fallback, 1, 65535);

    /// <summary>A non-negative Go-style duration string such as <c>"30s"</c>, or <paramref name="fallback"/>.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback)
    {
        if (!TryGet<string>(key, "a duration string such as \"30s\"", out var text)) return fallback;
        if (!Model.Duration.TryParse(text, out var value))
        {
            diagnostics.Report(PathOf(key), $"\"{text}\" is not a duration", "write a number with a unit: 500ms, 30s, 10m, 1h30m");
            return fallback;
        }
        if (value >= TimeSpan.Zero) return value;
        diagnostics.Report(PathOf(key), $"\"{text}\" is negative", "durations here count forward; drop the minus sign");
        return fallback;
    }

    /// <summary>An array of strings; empty when absent.</summary>
    public IReadOnlyList<string> Strings(string key)
    {
        if (!TryGet<TomlArray>(key, "an array of strings", out var array)) return [];
        var values = ImmutableArray.CreateBuilder<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is string value) values.Add(value);
            else ReportWrongType($"{PathOf(key)}[{i}]", "a string", array[i]);
        }
        return values.ToImmutable();
    }

    /// <summary>A table of string values with user-chosen keys, e.g. <c>meta</c>; empty when absent.</summary>
    public IReadOnlyDictionary<string, string> StringMap(string key)
    {
        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var section = Table(key);
        foreach (var name in section.table.Keys)
        {
            if (section.OptionalString(name) is { } value) map[name] = value;
        }
        return map.ToImmutable();
    }

    /// <summary>
    /// Reads this table with <paramref name="read"/>, whose getters name every key the table may
    /// have, then reports the keys it did not name.
    /// </summary>
    public T Read<T>(Func<TomlSection, T> read)
    {
        var value = read(this);
        RejectUnknownKeys();
        return value;
    }

    /// <summary>Reports every key of this table no getter asked for.</summary>
    private void RejectUnknownKeys()
    {
        foreach (var key in table.Keys.Where(k => !knownKeys.Contains(k)))
        {
            var message = Path.Length == 0 ? "unknown key" : $"unknown key in [{Path}]";
            var hint = Suggest(key, knownKeys) ?? $"known keys here: {string.Join(", ", knownKeys.Order(StringComparer.Ordinal))}";
            diagnostics.Report(PathOf(key), message, hint);
        }
    }

    private bool TryGet<T>(string key, string expected, out T value)
    {
        knownKeys.Add(key);
        value = default!;
        if (!table.TryGetValue(key, out var raw)) return false;
        if (raw is T typed)
        {
            value = typed;
            return true;
        }
        ReportWrongType(PathOf(key), expected, raw);
        return false;
    }

    private void ReportWrongType(string path, string expected, object? found) =>
        diagnostics.Report(path, $"expected {expected}, found {Describe(found)}", HintFor(expected, found));

    private static string? Suggest(string typed, IEnumerable<string> known) =>
        SpellingSuggestion.Hint(typed, known);

    private static string? HintFor(string expected, object? found) => (expected, found) switch
    {
        ("a boolean (true or false)", string s) when bool.TryParse(s, out _) => $"write {s.ToLowerInvariant()} without quotes",
        ("an integer", string s) when long.TryParse(s, CultureInfo.InvariantCulture, out _) => $"write {s} without quotes",
        (_, long n) when expected.StartsWith("a duration", StringComparison.Ordinal) => $"durations are quoted and carry a unit, e.g. \"{n}s\"",
        ("an array of strings", string s) => $"write [\"{s}\"]",
        _ => null,
    };

    private static string Describe(object? value) => value switch
    {
        string s when s.Length > 40 => $"the string \"{s[..40]}...\"",
        string s => $"the string \"{s}\"",
        bool b => b ? "the boolean true" : "the boolean false",
        long n => $"the integer {n.ToString(CultureInfo.InvariantCulture)}",
        double f => $"the float {f.ToString(CultureInfo.InvariantCulture)}",
        TomlTable => "a table",
        TomlTableArray => "an array of tables",
        TomlArray => "an array",
        null => "nothing",
        _ => "a date-time",
    };
}
