namespace Reconciler.Resources.Manifests.Yaml;

/// <summary>
/// A YAML node with the 1-based position it starts at. Mappings keep their entries as a list, not a
/// dictionary, so a duplicate key is reported with its position instead of failing the whole load.
/// </summary>
internal abstract record ManifestNode(int Line, int Column)
{
    /// <summary>What the node is, for "expected …, found …" messages; never quotes a scalar's text.</summary>
    public abstract string Shape { get; }
}

/// <summary>A scalar; <see cref="IsPlain"/> is false for quoted, block and <c>!!str</c>-tagged scalars, which are always strings.</summary>
internal sealed record ManifestScalar(int Line, int Column, string Value, bool IsPlain) : ManifestNode(Line, Column)
{
    public bool IsNull => IsPlain && YamlScalars.IsNull(Value);

    public override string Shape => IsNull ? "null" : IsPlain ? "a plain scalar" : "a quoted string";
}

/// <summary>A sequence.</summary>
internal sealed record ManifestSequence(int Line, int Column, IReadOnlyList<ManifestNode> Items) : ManifestNode(Line, Column)
{
    public override string Shape => "a list";
}

/// <summary>A mapping, entries in document order.</summary>
internal sealed record ManifestMapping(int Line, int Column, IReadOnlyList<ManifestEntry> Entries) : ManifestNode(Line, Column)
{
    public override string Shape => "a mapping";

    public ManifestNode? this[string key] => Entries.FirstOrDefault(e => e.Key is ManifestScalar s && s.Value == key)?.Value;
}

/// <summary>One key and value of a mapping.</summary>
internal sealed record ManifestEntry(ManifestNode Key, ManifestNode Value);
