namespace Reconciler.Resources.Kinds;

/// <summary>Which job version a <see cref="Deployment"/> rolls out.</summary>
public sealed record DeploymentSpec
{
    /// <summary>The name of the job, in the deployment's namespace.</summary>
    public string Job { get; init; } = "";

    /// <summary>The job's metadata.generation being rolled out.</summary>
    public long JobVersion { get; init; }
}
