namespace Reconciler.Resources.Kinds;

/// <summary>Limits on the task drivers jobs in a namespace may use.</summary>
public sealed record NamespaceCapabilities
{
    /// <summary>When not empty, only these drivers are allowed.</summary>
    public IReadOnlyList<string> EnabledTaskDrivers { get; init; } = [];

    /// <summary>Drivers that are never allowed.</summary>
    public IReadOnlyList<string> DisabledTaskDrivers { get; init; } = [];
}
