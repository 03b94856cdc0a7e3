using System.CommandLine;

namespace Reconciler.Host.Cli.Jobs;

/// <summary><c>recon job ...</c>: Nomad's job commands.</summary>
public static class JobCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CliSession session) => new("job", "Plan, run, inspect, scale, evaluate, promote, revert and stop jobs.")
    {
        JobPlanCommand.Create(session),
        JobRunCommand.Create(session),
        JobStatusCommand.Create(session),
        JobInspectCommand.Create(session),
        JobScaleCommand.Create(session),
        JobStopCommand.Create(session),
        JobEvalCommand.Create(session),
        JobPromoteCommand.Create(session),
        JobHistoryCommand.Create(session),
        JobRevertCommand.Create(session),
    };
}
