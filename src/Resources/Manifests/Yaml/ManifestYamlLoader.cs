using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reconciler.Resources.Manifests.Yaml;

/// <summary>The documents of a YAML stream, and the syntax error that stopped reading, if any.</summary>
internal sealed record LoadedYaml(IReadOnlyList<ManifestNode> Documents, YamlSyntaxError? SyntaxError);

/// <summary>A YAML syntax error at a 1-based position.</summary>
internal sealed record YamlSyntaxError(int Line, int Column, string Message);

/// <summary>
/// Reads a YAML stream at YamlDotNet's parser level into <see cref="ManifestNode"/> trees that keep
/// every node's position. A syntax error cannot be recovered from, so it ends the stream; the
/// documents before it are still returned and checked.
/// </summary>
internal static class ManifestYamlLoader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static LoadedYaml Load(string text)
    {
        var documents = new List<ManifestNode>();
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out _))
            {
                var anchors = new Dictionary<string, ManifestNode>(StringComparer.Ordinal);
                var root = ReadNode(parser, anchors);
                parser.Consume<DocumentEnd>();
                if (root is not ManifestScalar { IsNull: true }) documents.Add(root);
            }
            return new LoadedYaml(documents, null);
        }
        catch (YamlException e)
        {
            return new LoadedYaml(documents, new YamlSyntaxError((int)e.Start.Line, (int)e.Start.Column, Clean(e.Message)));
        }
    }

    private static ManifestNode ReadNode(IParser parser, Dictionary<string, ManifestNode> anchors)
    {
        var start = parser.Current ?? throw new YamlException("Unexpected end of the YAML stream.");
        ManifestNode node;
        switch (start)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, $"The alias *{alias.Value.Value} refers to no anchor defined before it.");
            case Scalar scalar:
                parser.MoveNext();
                var plain = scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.Value is not (StringTag or "!!str"));
                node = new ManifestScalar(Line(scalar), Column(scalar), scalar.Value, plain);
                break;
            case SequenceStart:
                parser.MoveNext();
                var items = new List<ManifestNode>();
                while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, anchors));
                node = new ManifestSequence(Line(start), Column(start), items);
                break;
            case MappingStart:
                parser.MoveNext();
                var entries = new List<ManifestEntry>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, anchors);
                    entries.Add(new ManifestEntry(key, ReadNode(parser, anchors)));
                }
                node = new ManifestMapping(Line(start), Column(start), entries);
                break;
            default:
                throw new YamlException(start.Start, start.End, $"Unexpected {start.GetType().Name} in the YAML stream.");
        }
        if (start is NodeEvent { Anchor.IsEmpty: false } withAnchor) anchors[withAnchor.Anchor.Value] = node;
        return node;
    }

    private static int Line(ParsingEvent e) => (int)e.Start.Line;

    private static int Column(ParsingEvent e) => (int)e.Start.Column;

    // YamlDotNet prefixes messages with the position, which SourceError already carries.
    private static string Clean(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0 ? message[(cut + 3)..] : message;
    }
}
