using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Parsing;
using Tomlyn.Serialization;
using Tomlyn.Syntax;

namespace Reconciler.Resources.Agent;

/// <summary>
/// Reads an agent config written in TOML with Nomad's key names. Strict: a syntax error, an
/// unknown key, a wrong type or a bad value is a <see cref="Diagnostics.SourceError"/> with
/// file:line:column and the key path, and every error of the file is reported, not just the
/// first. Never throws for bad input.
/// </summary>
public static class AgentConfigReader
{
    private const string SyntaxHint = "fix the TOML syntax at this position; see https://toml.io";

    /// <summary>Reads <paramref name="tomlText"/>; <paramref name="sourceName"/> is what errors call the file.</summary>
    public static AgentConfigReadResult Read(string tomlText, string sourceName)
    {
        var diagnostics = new TomlDiagnostics(sourceName);
        if (Parse(tomlText, diagnostics) is not var (document, metadata))
            return new AgentConfigReadResult(null, diagnostics.SortedErrors());

        var config = AgentConfigBinder.Bind(TomlSection.Root(document, metadata, diagnostics));
        new AgentConfigValidator(diagnostics).Validate(config);
        return new AgentConfigReadResult(diagnostics.HasErrors ? null : config, diagnostics.SortedErrors());
    }

    /// <summary>Reads the file at <paramref name="path"/>; a file that cannot be read is an error too.</summary>
    public static AgentConfigReadResult ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var error = new Diagnostics.SourceError(path, 0, 0, "", $"cannot read the agent config: {e.Message}")
            {
                Hint = "check that the file exists and this user may read it",
            };
            return new AgentConfigReadResult(null, [error]);
        }
        return Read(text, path);
    }

    // The syntax tree reports every syntax error with its position; the table model, built only
    // from a clean document, carries each key's position in its metadata.
    private static (TomlTable Document, ITomlMetadataStore Metadata)? Parse(string tomlText, TomlDiagnostics diagnostics)
    {
        var syntax = SyntaxParser.Parse(tomlText, diagnostics.Source, validate: true);
        foreach (var message in syntax.Diagnostics.Where(m => m.Kind == DiagnosticMessageKind.Error))
            diagnostics.ReportAt(message.Span.Start.Line + 1, message.Span.Start.Column + 1, message.Message, SyntaxHint);
        if (diagnostics.HasErrors) return null;

        var metadata = new TomlMetadataStore();
        try
        {
            var options = new TomlSerializerOptions { MetadataStore = metadata, SourceName = diagnostics.Source };
            return (TomlSerializer.Deserialize<TomlTable>(tomlText, options) ?? new TomlTable(), metadata);
        }
        catch (TomlException e)
        {
            diagnostics.ReportAt(e.Line ?? 0, e.Column ?? 0, e.Message, SyntaxHint);
            return null;
        }
    }
}
