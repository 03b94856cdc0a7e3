using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Manifests.Yaml;
using Reconciler.Resources.Model;
using Reconciler.Resources.Validation;

namespace Reconciler.Resources.Manifests;

/// <summary>
/// Reads YAML manifests (several documents per file, separated by <c>---</c>) strictly into typed
/// resources of any kind in the registry, running each through admission. Every error of a file is
/// reported, each with file, line, column, field path and resource; nothing is thrown for bad input.
/// </summary>
/// <param name="kinds">The kinds documents may have.</param>
/// <param name="admission">The validators and defaulters documents go through.</param>
public sealed class ManifestReader(ResourceKindRegistry kinds, ResourceAdmission admission)
{
    /// <summary>A reader over <paramref name="kinds"/> with the process-wide <see cref="ResourceAdmission.Default"/>.</summary>
    public ManifestReader(ResourceKindRegistry kinds) : this(kinds, ResourceAdmission.Default)
    {
    }

    /// <summary>A reader over <see cref="ResourceKindRegistry.Default"/> and <see cref="ResourceAdmission.Default"/>.</summary>
    public static ManifestReader Default { get; } = new(ResourceKindRegistry.Default);

    /// <summary>The kinds documents may have.</summary>
    public ResourceKindRegistry Kinds { get; } = kinds;

    /// <summary>The validators and defaulters documents go through.</summary>
    public ResourceAdmission Admission { get; } = admission;

    /// <summary>Reads every document of <paramref name="yamlText"/>; <paramref name="sourceName"/> names it in errors.</summary>
    public ManifestReadResult Read(string yamlText, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(sourceName);
        var loaded = ManifestYamlLoader.Load(yamlText);
        var resources = new List<Resource>();
        var errors = new List<SourceError>();
        var document = new ManifestDocumentReader(Kinds, Admission, sourceName);
        foreach (var root in loaded.Documents)
        {
            var (resource, documentErrors) = document.Read(root);
            errors.AddRange(documentErrors);
            if (resource is not null && documentErrors.Count == 0) resources.Add(resource);
        }
        if (loaded.SyntaxError is { } syntax)
            errors.Add(new SourceError(sourceName, syntax.Line, syntax.Column, "", $"YAML syntax error: {syntax.Message}")
            {
                Hint = "check the indentation and quoting around this position; documents after it were not read",
            });
        return new ManifestReadResult(resources, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
    }

    /// <summary>Reads a manifest file; a file that cannot be read is an error in the result, not an exception.</summary>
    public ManifestReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ManifestReadResult([], [new SourceError(path, 0, 0, "", $"cannot read the file: {e.Message}")]);
        }
        return Read(text, path);
    }
}
