using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Manifests.Binding;
using Reconciler.Resources.Manifests.Yaml;
using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Manifests;

/// <summary>
/// Reads one YAML document: resolves its kind, checks its apiVersion, binds it, validates it and
/// places every field error at the line and column of the field (or of its nearest written parent).
/// </summary>
internal sealed class ManifestDocumentReader(ResourceKindRegistry kinds, ResourceAdmission admission, string source)
{
    private static readonly HashSet<string> HandledByReader = ["kind"];

    public (Resource? Resource, List<SourceError> Errors) Read(ManifestNode root)
    {
        var errors = new List<SourceError>();
        if (root is not ManifestMapping mapping)
        {
            errors.Add(Error(root, "", $"a manifest document must be a mapping, found {root.Shape}",
                "start the document with apiVersion, kind, metadata and spec", null));
            return (null, errors);
        }
        var info = ResolveKind(mapping, errors);
        if (info is null) return (null, errors);

        var binder = new ManifestBinder();
        var resource = (Resource)binder.BindRoot(mapping, info.Type, HandledByReader);
        var label = string.IsNullOrWhiteSpace(resource.Metadata.Name) ? null : resource.Key.ToString();
        errors.AddRange(binder.Errors.Select(e => new SourceError(source, e.Line, e.Column, e.Path, e.Message) { Hint = e.Hint, Resource = label }));
        CheckApiVersion(mapping, info, resource, label, errors);

        foreach (var fieldError in admission.Validate(resource))
        {
            // A field that failed to bind holds its default, so what validators say about it would be noise.
            if (binder.Errors.Any(b => Covers(b.Path, fieldError.Path))) continue;
            var node = binder.Locate(fieldError.Path) ?? mapping;
            errors.Add(Error(node, fieldError.Path, fieldError.Message, fieldError.Hint, label));
        }
        return errors.Count == 0 ? (admission.ApplyDefaults(resource), errors) : (null, errors);
    }

    private KindInfo? ResolveKind(ManifestMapping mapping, List<SourceError> errors)
    {
        var known = kinds.Kinds.Select(k => k.Name).Order(StringComparer.Ordinal).ToList();
        var knownHint = $"known kinds: {string.Join(", ", known)}";
        switch (mapping["kind"])
        {
            case null or ManifestScalar { IsNull: true }:
                errors.Add(Error(mapping, "kind", "missing required field 'kind'", knownHint, null));
                return null;
            case ManifestScalar { Value: var kind } node:
                if (kinds.TryGet(kind, out var info)) return info;
                var guess = SpellingSuggestion.Hint(kind, known);
                errors.Add(Error(node, "kind", $"unknown kind '{kind}'", guess is null ? knownHint : $"{guess} ({knownHint})", null));
                return null;
            case var node:
                errors.Add(Error(node, "kind", $"expected a kind name, found {node.Shape}", knownHint, null));
                return null;
        }
    }

    private void CheckApiVersion(ManifestMapping mapping, KindInfo info, Resource resource, string? label, List<SourceError> errors)
    {
        // The expected version is the kind's own default, so a custom kind may live under its own group.
        var expected = ((Resource)Activator.CreateInstance(info.Type)!).ApiVersion;
        var node = mapping["apiVersion"];
        if (node is null or ManifestScalar { IsNull: true })
            errors.Add(Error(mapping, "apiVersion", "missing required field 'apiVersion'", $"write apiVersion: {expected}", label));
        else if (node is ManifestScalar && resource.ApiVersion != expected)
            errors.Add(Error(node, "apiVersion", $"apiVersion '{resource.ApiVersion}' does not serve kind {info.Name}", $"write apiVersion: {expected}", label));
    }

    private SourceError Error(ManifestNode node, string path, string message, string? hint, string? label) =>
        new(source, node.Line, node.Column, path, message) { Hint = hint, Resource = label };

    private static bool Covers(string failedPath, string path) =>
        path == failedPath || path.StartsWith(failedPath + ".", StringComparison.Ordinal) || path.StartsWith(failedPath + "[", StringComparison.Ordinal);
}
