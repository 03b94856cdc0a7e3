using System.Reflection;

namespace Reconciler.Host;

/// <summary>The version of this <c>recon</c> build, as the agent reports it and <c>recon version</c> prints it.</summary>
public static class ReconVersion
{
    /// <summary>The informational version without build metadata, e.g. <c>0.1.0</c>.</summary>
    public static string Current { get; } =
        (typeof(ReconVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>The build metadata (the commit, when the build knew it), or null.</summary>
    public static string? Build { get; } =
        typeof(ReconVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+') is [_, var build] ? build : null;
}
