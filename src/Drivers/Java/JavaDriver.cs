using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Reconciler.Drivers.Processes;

namespace Reconciler.Drivers.Java;

/// <summary>
/// The <c>java</c> driver: <c>java -jar</c> run like an exec task (own session, memory cgroup).
/// Its fingerprint says whether a JRE is on PATH and which (<c>driver.java.version</c>).
/// Config: jarPath, jvmOptions, args.
/// </summary>
public sealed partial class JavaDriver(ILogger<JavaDriver>? logger = null, TimeProvider? timeProvider = null)
    : ProcessDriver("java", limitMemory: true, logger, timeProvider)
{
    /// <summary>The java launcher looked for on PATH.</summary>
    public string JavaProgram { get; init; } = "java";

    /// <inheritdoc />
    public override async Task<DriverFingerprint> FingerprintAsync(CancellationToken cancellationToken)
    {
        var process = await base.FingerprintAsync(cancellationToken);
        if (!process.Healthy) return process;
        var version = await ReadVersionAsync(cancellationToken);
        if (version.Error is not null) return DriverFingerprint.Undetected(version.Error);
        var attributes = new Dictionary<string, string>(process.Attributes)
        {
            ["driver.java.version"] = version.Version!,
            ["driver.java.runtime"] = version.Runtime ?? "",
        };
        return DriverFingerprint.Available($"java {version.Version}", attributes);
    }

    /// <inheritdoc />
    protected override (ProcessCommand? Command, string? Error) BuildCommand(TaskConfiguration task)
    {
        if (!TaskConfigReader.TryRead<JavaTaskConfig>(task.Config, Name, out var config, out var error)) return (null, error);
        var jar = Path.IsPathRooted(config.JarPath) ? config.JarPath : Path.Combine(task.TaskDirectory, config.JarPath);
        if (!File.Exists(jar)) return (null, $"config.jarPath: {jar} does not exist");
        return (new ProcessCommand(JavaProgram, [.. config.JvmOptions, "-jar", jar, .. config.Args]), null);
    }

    private async Task<(string? Version, string? Runtime, string? Error)> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(JavaProgram, "-version") { RedirectStandardError = true, RedirectStandardOutput = true };
        string output;
        try
        {
            using var java = Process.Start(info)!;
            output = await java.StandardError.ReadToEndAsync(cancellationToken) + await java.StandardOutput.ReadToEndAsync(cancellationToken);
            await java.WaitForExitAsync(cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, null, $"no Java runtime: '{JavaProgram}' is not on PATH (install a JRE, e.g. apt-get install default-jre-headless)");
        }
        var version = VersionPattern().Match(output);
        if (!version.Success) return (null, null, $"'{JavaProgram} -version' printed no version: {output.Trim()}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (version.Groups[1].Value, lines.Length > 1 ? lines[1] : null, null);
    }

    [GeneratedRegex("version \"([^\"]+)\"")]
    private static partial Regex VersionPattern();
}
