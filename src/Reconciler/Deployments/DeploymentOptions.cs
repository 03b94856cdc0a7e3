namespace Reconciler.Deployments;

/// <summary>How deployments and job history behave.</summary>
public sealed class DeploymentOptions
{
    /// <summary>Job versions kept per job (Nomad keeps 6); the latest stable version is kept beyond the bound.</summary>
    public int JobVersionsKept { get; set; } = 6;
}
