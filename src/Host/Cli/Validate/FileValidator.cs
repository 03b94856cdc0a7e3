using Reconciler.Resources.Agent;
using Reconciler.Resources.Diagnostics;
using Reconciler.Resources.Manifests;
using Reconciler.Resources.Model;

namespace Reconciler.Host.Cli.Validate;

/// <summary>Finds the manifests and agent configs under the given paths and validates each one.</summary>
public sealed class FileValidator(ResourceKindRegistry? kinds = null)
{
    private static readonly IReadOnlyList<string> ManifestExtensions = DirectoryFiles.ManifestExtensions;
    private const string ConfigExtension = ".toml";

    private readonly ManifestReader _manifests = new(kinds ?? ResourceKindRegistry.Default);

    /// <summary>Validates every file the paths name or contain.</summary>
    public FileValidationReport Validate(IEnumerable<string> paths)
    {
        var report = new FileValidationReport();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = FindFiles(path).ToList();
                if (files.Count == 0)
                    report.Errors.Add(new SourceError(path, 0, 0, "", "the directory holds no .yaml, .yml or .toml file") { Hint = "point recon validate at manifests or agent configs" });
                foreach (var file in files) ValidateFile(file, report);
            }
            else if (File.Exists(path))
            {
                if (IsManifest(path) || IsConfig(path)) ValidateFile(path, report);
                else report.Errors.Add(new SourceError(path, 0, 0, "", "not a manifest or agent config") { Hint = "recon validate reads .yaml and .yml manifests and .toml agent configs" });
            }
            else
            {
                report.Errors.Add(new SourceError(path, 0, 0, "", "no such file or directory") { Hint = "check the path" });
            }
        }
        return report;
    }

    private void ValidateFile(string file, FileValidationReport report)
    {
        if (IsConfig(file))
        {
            var config = AgentConfigReader.ReadFile(file);
            report.Add(file, config.Errors, ["agent config"]);
        }
        else
        {
            var manifest = _manifests.ReadFile(file);
            report.Add(file, manifest.Errors, [.. manifest.Resources.Select(r => r.Key.ToString())]);
        }
    }

    private static IEnumerable<string> FindFiles(string directory) => DirectoryFiles.Find(directory, [.. ManifestExtensions, ConfigExtension]);

    private static bool IsManifest(string path) => DirectoryFiles.HasExtension(path, ManifestExtensions);

    private static bool IsConfig(string path) => DirectoryFiles.HasExtension(path, ConfigExtension);
}
