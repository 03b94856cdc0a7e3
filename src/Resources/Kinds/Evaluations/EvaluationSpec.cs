using System.ComponentModel.DataAnnotations;

namespace Reconciler.Resources.Kinds;

/// <summary>Which job to evaluate, and why.</summary>
public sealed record EvaluationSpec
{
    /// <summary>The name of the job, in the evaluation's namespace.</summary>
    public string Job { get; init; } = "";

    /// <summary>The job's metadata.generation when the evaluation was created.</summary>
    public long JobVersion { get; init; }

    /// <summary>What caused the evaluation.</summary>
    public EvaluationTrigger TriggeredBy { get; init; } = EvaluationTrigger.JobRegister;

    /// <summary>The job's priority; higher priorities are evaluated first.</summary>
    [Range(1, 100)]
    public int Priority { get; init; } = 50;

    /// <summary>The job's type, which picks the scheduler.</summary>
    public JobType Type { get; init; } = JobType.Service;

    /// <summary>The node whose change caused the evaluation, for node triggers.</summary>
    public string? Node { get; init; }

    /// <summary>The deployment whose change caused the evaluation, for deployment triggers.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>Do not evaluate before this time (delayed reschedules).</summary>
    public DateTimeOffset? WaitUntil { get; init; }

    /// <summary>The evaluation this one follows up on.</summary>
    public string? PreviousEvaluation { get; init; }
}
