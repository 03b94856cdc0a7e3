using System.CommandLine;

namespace Reconciler.Host.Cli.Deployments;

/// <summary><c>recon deployment ...</c>: Nomad's deployment commands.</summary>
public static class DeploymentCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session) => new("deployment", "List, follow, promote, pause, resume and fail deployments.")
    {
        DeploymentListCommand.Create(session),
        DeploymentStatusCommand.Create(session),
        DeploymentPromoteCommand.Create(session),
        DeploymentActionCommand.Create(session, "pause", "Pause a deployment: nothing more is replaced until it resumes."),
        DeploymentActionCommand.Create(session, "resume", "Resume a paused deployment."),
        DeploymentActionCommand.Create(session, "fail", "Fail a deployment (rolling back when its job asks for auto-revert)."),
    };
}
