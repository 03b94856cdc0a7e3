using Reconciler.Resources.Model;

namespace Reconciler.Resources.Kinds;

/// <summary>A request for the scheduler to reconcile one job.</summary>
[Kind("Evaluation", System = true)]
public sealed record Evaluation : Resource<EvaluationSpec, ResourceStatus>;

/// <summary>The desired state of a Evaluation.</summary>
public sealed record EvaluationSpec;
