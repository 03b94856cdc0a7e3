namespace Reconciler.Drivers.Tests.Support;

/// <summary>Whether the real components the tests use are on this machine, and why not.</summary>
public static class Requirements
{
    /// <summary>Null when the program is on PATH.</summary>
    public static string? Program(string name) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(dir => File.Exists(Path.Combine(dir, name)))
            ? null
            : $"{name} is not installed (scripts/install-test-deps.sh installs it)";

    public static string? Linux => OperatingSystem.IsLinux() ? null : "process drivers need Linux";
}

/// <summary>A fact that runs real Linux processes, optionally needing a program on PATH.</summary>
public sealed class ProcessFactAttribute : FactAttribute
{
    public ProcessFactAttribute(string? program = null)
    {
        if ((Requirements.Linux ?? (program is null ? null : Requirements.Program(program))) is { } problem) Skip = problem;
    }
}
