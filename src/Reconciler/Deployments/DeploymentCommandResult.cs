using Reconciler.Resources.Kinds;

namespace Reconciler.Deployments;

/// <summary>The outcome of a <see cref="DeploymentControl"/> command: the deployment as written, or why the command was refused.</summary>
/// <param name="Deployment">The deployment after the command, when it was carried out.</param>
/// <param name="Error">Why it was refused, for people.</param>
public sealed record DeploymentCommandResult(Deployment? Deployment, string? Error)
{
    /// <summary>The command was carried out.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A refusal.</summary>
    public static DeploymentCommandResult Refused(string error) => new(null, error);
}
