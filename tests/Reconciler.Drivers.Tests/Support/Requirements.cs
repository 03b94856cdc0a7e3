namespace Reconciler.Drivers.Tests.Support;

/// <summary>Whether the real components the tests use are on this machine, and why not.</summary>
public static class Requirements
{
    private static readonly Lazy<string?> KillCgroupProblem = new(() => Reconciler.Drivers.Processes.KillCgroupSupport.Detect().Reason);
    private static readonly Lazy<string?> MemoryCgroupProblem = new(() => Reconciler.Drivers.Processes.MemoryCgroupSupport.Detect().Reason);

    /// <summary>Null when the program is on PATH.</summary>
    public static string? Program(string name) =>
        Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(dir => File.Exists(Path.Combine(dir, name)))
            ? null
            : $"{name} is not installed (scripts/install-test-deps.sh installs it)";

    /// <summary>Null when a task cgroup can be created in a cgroup v2 hierarchy and killed through cgroup.kill.</summary>
    public static string? KillCgroup => Linux ?? KillCgroupProblem.Value;

    /// <summary>Null when a task's memory can be limited with a cgroup (v2 memory.max or v1 memory.limit_in_bytes).</summary>
    public static string? MemoryCgroup => Linux ?? MemoryCgroupProblem.Value;

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

/// <summary>
/// A fact about process tasks in cgroups: the kill cgroup (cgroup v2 with cgroup.kill) or, with <c>memory</c>, a
/// memory cgroup too. Skipped, saying what the machine lacks, where the agent cannot create them.
/// </summary>
public sealed class CgroupFactAttribute : FactAttribute
{
    public CgroupFactAttribute(bool memory = false)
    {
        if ((Requirements.KillCgroup ?? (memory ? Requirements.MemoryCgroup : null)) is { } problem) Skip = $"cgroups are not writable here: {problem}";
    }
}
