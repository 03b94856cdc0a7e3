using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A request for the scheduler to reconcile one job, and what came of it.</summary>
[Kind("Evaluation", System = true)]
public sealed record Evaluation : Resource<EvaluationSpec, EvaluationStatus>;
