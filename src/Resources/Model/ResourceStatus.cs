namespace Reconciler.Resources.Model;

/// <summary>The status every kind shares: the generation last acted on and a list of conditions.</summary>
public record ResourceStatus
{
    /// <summary>The metadata.generation the controller last reconciled.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>Conditions such as Ready, Reconciling and Stalled.</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];
}
