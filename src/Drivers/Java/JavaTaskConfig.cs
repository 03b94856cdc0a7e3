namespace Reconciler.Drivers.Java;

/// <summary>The <c>config</c> of a java task: <c>java [jvmOptions] -jar jarPath [args]</c>.</summary>
public sealed record JavaTaskConfig
{
    /// <summary>The jar to run; relative paths are in the task directory.</summary>
    public required string JarPath { get; init; }

    /// <summary>Options for the JVM, e.g. <c>-Xmx256m</c>.</summary>
    public IReadOnlyList<string> JvmOptions { get; init; } = [];

    /// <summary>Arguments for the program.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
}
