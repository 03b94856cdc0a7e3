using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reconciler.Host.GitOps;

/// <summary>
/// Which documents of a manifest name no <c>metadata.namespace</c>: those go to <c>[gitops] namespace</c>. The strict
/// reader has already put them in <c>default</c> by then, so the sync looks at the YAML itself to tell them apart.
/// </summary>
public static class UnnamedNamespaces
{
    /// <summary>The kind and name of every document in <paramref name="yaml"/> without a namespace (none when it does not parse).</summary>
    public static IReadOnlySet<(string Kind, string Name)> In(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            return new HashSet<(string, string)>(); // The strict reader reports it; nothing of this sync applies.
        }
        var unnamed = new HashSet<(string, string)>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") is not { } kind) continue;
            if (Child(root, "metadata") is not YamlMappingNode metadata || Scalar(metadata, "name") is not { } name) continue;
            if (Scalar(metadata, "namespace") is null) unnamed.Add((kind, name));
        }
        return unnamed;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        Child(mapping, key) is YamlScalarNode { Value: { Length: > 0 } value } && value is not ("~" or "null") ? value : null;
}
