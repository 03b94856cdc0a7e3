namespace Reconciler.Resources.Kinds;

/// <summary>Where an evaluation is.</summary>
public enum EvaluationState
{
    /// <summary>Waiting for a scheduler.</summary>
    Pending,
    /// <summary>The scheduler committed its plan.</summary>
    Complete,
    /// <summary>The scheduler gave up.</summary>
    Failed,
    /// <summary>Waiting for capacity to place the rest.</summary>
    Blocked,
}
