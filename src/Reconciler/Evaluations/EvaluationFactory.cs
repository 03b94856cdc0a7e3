using Reconciler.Resources.Kinds;
using Reconciler.Resources.Model;

namespace Reconciler.Evaluations;

/// <summary>Makes evaluations with unique names, as the job, node and drain controllers create them.</summary>
public static class EvaluationFactory
{
    /// <summary>
    /// A pending evaluation of <paramref name="job"/> caused by <paramref name="trigger"/>, named <paramref name="name"/>
    /// (a name derived from what caused it makes creating it twice harmless) or uniquely.
    /// </summary>
    public static Evaluation For(Job job, EvaluationTrigger trigger, string? node = null, string? name = null) => new()
    {
        Metadata = new ObjectMeta { Name = name ?? EvaluationNames.Unique(job.Metadata.Name), Namespace = job.Metadata.Namespace },
        Spec = new EvaluationSpec
        {
            Job = job.Metadata.Name,
            JobVersion = job.Metadata.Generation,
            TriggeredBy = trigger,
            Priority = job.Spec.Priority,
            Type = job.Spec.Type,
            Node = node,
        },
    };
}
