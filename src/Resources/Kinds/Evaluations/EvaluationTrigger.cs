namespace Reconciler.Resources.Kinds;

/// <summary>What caused an evaluation, after Nomad's triggers.</summary>
public enum EvaluationTrigger
{
    /// <summary>A job was created or changed.</summary>
    JobRegister,
    /// <summary>A job was stopped or deleted.</summary>
    JobDeregister,
    /// <summary>A group's count was changed.</summary>
    JobScaling,
    /// <summary>A node changed state or eligibility.</summary>
    NodeUpdate,
    /// <summary>A node is being drained.</summary>
    NodeDrain,
    /// <summary>An allocation was stopped by an operator.</summary>
    AllocStop,
    /// <summary>An allocation failed and may be rescheduled.</summary>
    AllocFailure,
    /// <summary>A rolling update continues with its next batch.</summary>
    RollingUpdate,
    /// <summary>A deployment was promoted, failed or paused.</summary>
    DeploymentWatcher,
    /// <summary>A failed evaluation is retried.</summary>
    FailedFollowUp,
    /// <summary>A blocked evaluation is retried because capacity changed.</summary>
    QueuedAllocs,
    /// <summary>Allocations were preempted by a higher priority job.</summary>
    Preemption,
}
