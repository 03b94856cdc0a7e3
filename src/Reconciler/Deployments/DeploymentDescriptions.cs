namespace Reconciler.Deployments;

/// <summary>The descriptions a deployment's status carries, worded as Nomad words them.</summary>
public static class DeploymentDescriptions
{
    /// <summary>Placing and watching allocations.</summary>
    public const string Running = "Deployment is running";

    /// <summary>Canaries were placed; an operator (or autoPromote) must promote them.</summary>
    public const string RunningNeedsPromotion = "Deployment is running but requires manual promotion";

    /// <summary>Canaries are healthy and autoPromote will promote them.</summary>
    public const string RunningAutoPromotion = "Deployment is running pending automatic promotion";

    /// <summary>Held by an operator.</summary>
    public const string Paused = "Deployment is paused";

    /// <summary>Every group has its count of healthy allocations of the new version.</summary>
    public const string Successful = "Deployment completed successfully";

    /// <summary>An allocation of the new version turned unhealthy.</summary>
    public const string FailedUnhealthy = "Failed due to unhealthy allocations";

    /// <summary>No allocation turned healthy within progressDeadline.</summary>
    public const string FailedProgressDeadline = "Failed due to progress deadline";

    /// <summary>An operator failed it.</summary>
    public const string FailedByUser = "Deployment marked as failed";

    /// <summary>A newer job version superseded it.</summary>
    public const string CancelledNewerVersion = "Cancelled due to newer version of job";

    /// <summary>The job was stopped or deleted.</summary>
    public const string CancelledJobStopped = "Cancelled because job is stopped";

    /// <summary>A failed deployment with autoRevert rolled the job back.</summary>
    public static string RolledBack(string failure, long version) => $"{failure} - rolling back to job version {version}";

    /// <summary>A failed deployment with autoRevert found no stable version to go back to.</summary>
    public static string NoStableVersion(string failure) => $"{failure} - no stable job version to auto revert to";
}
